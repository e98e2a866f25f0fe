namespace Hub.Abstractions.Telemetry;

/// <summary>The names of the hub's spans (see "Operating the hub" in the README).</summary>
public static class HubSpans
{
    /// <summary>One poll of one system; it starts a trace, and every change it takes in is traced under it.</summary>
    public const string Poll = "hub.poll";

    /// <summary>One change taken in: the case opened or updated and the commands for the other systems queued.</summary>
    public const string Intake = "hub.intake";

    /// <summary>One outbox command sent, in the trace of the intake that queued it.</summary>
    public const string Dispatch = "hub.dispatch";

    /// <summary>One mail handed to the SMTP server.</summary>
    public const string SmtpSend = "hub.smtp.send";

    /// <summary>Signing in to the IMAP server and opening the reply folder, before a read of the mailbox.</summary>
    public const string ImapOpen = "hub.imap.open";

    /// <summary>Looking in the hub's own mailbox over IMAP for the copy of a mail an earlier attempt handed over.</summary>
    public const string ImapFindSent = "hub.imap.find_sent";
}
