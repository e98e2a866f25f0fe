namespace Hub.Engine.Persistence;

/// <summary>A case's record in one system. Indexed by (system, external id) and (system, number) for trace.</summary>
public sealed class LinkRecord
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public required string SystemName { get; set; }
    public required string ExternalId { get; set; }
    public string? ExternalNumber { get; set; }

    /// <summary>The role the system plays for this case ("servicedesk", "facility", "contractor").</summary>
    public required string Role { get; set; }

    /// <summary>The system this record was created from (null for the origin).</summary>
    public string? UpstreamSystem { get; set; }

    /// <summary>
    /// Fingerprints of what the hub last read from this record and which fields it has written since
    /// (<see cref="Sync.RecordMemory"/>, JSON), to tell its own echo from someone else's change. Written only through
    /// <see cref="Sync.CaseLinks"/>, which also makes every link.
    /// </summary>
    public string? LastWrittenFingerprint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
