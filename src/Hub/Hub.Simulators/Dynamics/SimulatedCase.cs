namespace Hub.Simulators.Dynamics;

/// <summary>One row of the simulated <c>incident</c> table, as Dataverse keeps it.</summary>
public sealed class SimulatedCase
{
    public required Guid Id { get; init; }
    public required string TicketNumber { get; init; }
    public string Title { get; set; } = string.Empty;
    public string? Description { get; set; }
    public int PriorityCode { get; set; } = 2;
    public int? CaseOriginCode { get; set; }
    public int StateCode { get; set; }
    public int StatusCode { get; set; } = 1;
    public DateTimeOffset? ResolveBy { get; set; }
    public string? CustomerEntitySet { get; set; }
    public Guid? CustomerId { get; set; }
    public string? CorrelationKey { get; set; }
    public required DateTimeOffset CreatedOn { get; init; }
    public DateTimeOffset ModifiedOn { get; set; }
    public required Guid CreatedBy { get; init; }
    public Guid ModifiedBy { get; set; }
    public long Version { get; set; }

    public string ETag => $"W/\"{Version}\"";

    /// <summary>Columns served as this raw JSON instead of their value (a customisation, a plug-in writing odd data).</summary>
    internal Dictionary<string, string> RawColumns { get; private set; } = new(StringComparer.Ordinal);

    internal SimulatedCase Copy()
    {
        var copy = (SimulatedCase)MemberwiseClone();
        copy.RawColumns = new Dictionary<string, string>(RawColumns, StringComparer.Ordinal);
        return copy;
    }
}
