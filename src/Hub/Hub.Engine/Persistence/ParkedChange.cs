namespace Hub.Engine.Persistence;

/// <summary>A change that could not be mapped (e.g. a status no value map knows), kept until a mapping reload or replay.</summary>
public sealed class ParkedChange
{
    public long Id { get; set; }
    public required string SystemName { get; set; }
    public required string ExternalId { get; set; }
    public required string Version { get; set; }

    /// <summary>The observed change, serialized.</summary>
    public required string Change { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset ParkedAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
}
