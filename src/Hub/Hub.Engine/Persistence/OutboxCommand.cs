namespace Hub.Engine.Persistence;

/// <summary>
/// A command waiting to be sent to a target system, in order per case. Failed permanently, it becomes a dead
/// letter (status DeadLettered) that an admin can replay or discard; nothing is dropped silently.
/// </summary>
public sealed class OutboxCommand
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public required string TargetSystem { get; set; }

    /// <summary>"Create" or "Apply".</summary>
    public required string Operation { get; set; }

    /// <summary>The change kind it carries, for lists and logs.</summary>
    public required string Kind { get; set; }

    /// <summary>The serialized intent (<see cref="Sync.OutboxIntent"/>; a row of an older hub: the adapter command, see <see cref="Sync.OutboxPayload"/>). No secrets.</summary>
    public required string Payload { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// The W3C traceparent of the intake that queued the command, so its dispatch (later, maybe after a restart)
    /// continues the complaint's trace. Null when tracing was off, and for rows queued before the hub kept it.
    /// </summary>
    public string? TraceParent { get; set; }

    /// <summary>The node sending the command now (<see cref="HubNodeRecord.NodeId"/>); null while nobody holds it.</summary>
    public string? LeasedBy { get; set; }

    /// <summary>Until when <see cref="LeasedBy"/> holds it; after that another node may take it over (its holder died).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>
    /// The fencing token: raised by one on every lease taken. A node completes or fails the command only while the row
    /// still carries the token it leased, so a node whose lease ran out and was taken over cannot record a second outcome.
    /// </summary>
    public long LeaseToken { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Done,
    DeadLettered,
    Discarded,
}
