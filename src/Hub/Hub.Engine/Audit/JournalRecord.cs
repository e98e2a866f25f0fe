namespace Hub.Engine.Audit;

/// <summary>One journal entry as auditors read and archive it: every field, the hashes included, so an archive can be checked on its own.</summary>
public sealed record JournalRecord
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public string? CaseId { get; init; }
    public required string Kind { get; init; }
    public string? SourceSystem { get; init; }
    public string? SourceRecord { get; init; }
    public string? TargetSystem { get; init; }
    public string? TargetRecord { get; init; }
    public required string Outcome { get; init; }
    public int Attempt { get; init; }
    public string? Error { get; init; }
    public string? Detail { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? MappingVersion { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    /// <summary>The journal key the entry is signed with (its id only); null for an unkeyed entry.</summary>
    public string? KeyId { get; init; }
}
