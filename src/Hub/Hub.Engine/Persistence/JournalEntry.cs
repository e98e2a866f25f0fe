namespace Hub.Engine.Persistence;

/// <summary>
/// One line of the correlation log. Append-only: the hub never updates or deletes a row. Each entry carries
/// the hash of the one before it, so <c>hub verify</c> proves nothing was altered, removed or inserted.
/// </summary>
public sealed class JournalEntry
{
    /// <summary>1, 2, 3, … with no gaps: a gap is a removed entry.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string? CaseId { get; set; }

    /// <summary>A change kind (Created, StatusChanged, …) or a hub event (LinkCreated, Parked, Conflict, DeadLettered, Replayed, Discarded, Quarantined).</summary>
    public required string Kind { get; set; }
    public string? SourceSystem { get; set; }
    public string? SourceRecord { get; set; }
    public string? TargetSystem { get; set; }
    public string? TargetRecord { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? MappingVersion { get; set; }

    /// <summary>Observed, Applied, SkippedAsEcho, SkippedAsDuplicate, Parked, Failed, DeadLettered, Conflict, Discarded, Replayed.</summary>
    public required string Outcome { get; set; }
    public int Attempt { get; set; }
    public string? Error { get; set; }
    public string? Detail { get; set; }
    public required string PreviousHash { get; set; }

    /// <summary>
    /// The id of the journal key this entry is signed with (HMAC-SHA256), never the key; null for an entry written
    /// without a key, whose hash is plain SHA-256.
    /// </summary>
    public string? KeyId { get; set; }

    public required string Hash { get; set; }
}
