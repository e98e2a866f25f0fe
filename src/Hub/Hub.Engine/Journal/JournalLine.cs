namespace Hub.Engine.Journal;

/// <summary>What the hub wants to record; the journal adds the sequence, the time and the hash chain.</summary>
public sealed record JournalLine
{
    public string? CaseId { get; init; }
    public required string Kind { get; init; }
    public required string Outcome { get; init; }
    public string? SourceSystem { get; init; }
    public string? SourceRecord { get; init; }
    public string? TargetSystem { get; init; }
    public string? TargetRecord { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? MappingVersion { get; init; }
    public int Attempt { get; init; }
    public string? Error { get; init; }
    public string? Detail { get; init; }
}
