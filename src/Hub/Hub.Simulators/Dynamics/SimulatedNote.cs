namespace Hub.Simulators.Dynamics;

/// <summary>One row of the simulated <c>annotation</c> table (a note on a case).</summary>
public sealed class SimulatedNote
{
    public required Guid Id { get; init; }
    public required Guid CaseId { get; init; }
    public string? Subject { get; set; }
    public string? NoteText { get; set; }
    public required DateTimeOffset CreatedOn { get; init; }
    public DateTimeOffset ModifiedOn { get; set; }
    public required Guid CreatedBy { get; init; }
    public long Version { get; set; }

    internal SimulatedNote Copy() => (SimulatedNote)MemberwiseClone();
}
