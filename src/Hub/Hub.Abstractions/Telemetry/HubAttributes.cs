namespace Hub.Abstractions.Telemetry;

/// <summary>
/// The attributes the hub puts on its spans and metrics, in its own words where OpenTelemetry has none. Never a secret,
/// an address with credentials, or the text of a complaint or a mail.
/// </summary>
public static class HubAttributes
{
    /// <summary>The hub's case id ("HUB-2026-000042").</summary>
    public const string CaseId = "hub.case_id";

    /// <summary>The configured system's name ("servicedesk", "facility", "contractor").</summary>
    public const string System = "hub.system";

    /// <summary>The change kind an outbox command carries ("Created", "StatusChanged", ...).</summary>
    public const string CommandKind = "hub.command_kind";

    /// <summary>The kind of change a system reported ("Created", "CommentAdded", ...).</summary>
    public const string ChangeKind = "hub.change_kind";

    /// <summary>What intake made of a change ("Opened", "Updated", "Echo", "Parked", ...).</summary>
    public const string IntakeResult = "hub.intake_result";

    /// <summary>The outbox row's id (a dead letter is replayed by it).</summary>
    public const string OutboxId = "hub.outbox_id";

    /// <summary>The attempt this send is, 1 for the first.</summary>
    public const string Attempt = "hub.attempt";

    /// <summary>How a send ended: "sent", "failed" (retried later) or "dead_lettered".</summary>
    public const string Outcome = "hub.outcome";

    /// <summary>The semantic-convention attributes of the server a span talks to.</summary>
    public const string ServerAddress = "server.address";

    public const string ServerPort = "server.port";

    public const string ProtocolName = "network.protocol.name";
}
