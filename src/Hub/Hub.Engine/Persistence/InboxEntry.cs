namespace Hub.Engine.Persistence;

/// <summary>A change already seen: (system, record, version). The same key again is dropped.</summary>
public sealed class InboxEntry
{
    public required string SystemName { get; set; }
    public required string ExternalId { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
