namespace Hub.Adapters.Email.Ignored;

/// <summary>Why a mail in the hub's mailbox changed no case.</summary>
internal enum IgnoredMailReason
{
    /// <summary>The sender does not belong to the contractor the work order went to (quarantined).</summary>
    UntrustedSender,

    /// <summary>
    /// The system requires sender authentication and the hub's mail server's Authentication-Results header does not
    /// prove the From (no DMARC or aligned DKIM pass, or no header by that server at all) (quarantined).
    /// </summary>
    Unauthenticated,

    /// <summary>Neither its headers nor its subject name a work order this hub sent (quarantined).</summary>
    UnknownWorkOrder,

    /// <summary>Larger than MaxMessageBytes (quarantined unread).</summary>
    Oversized,

    /// <summary>Not a readable mail: no single sender, broken MIME (quarantined).</summary>
    Malformed,

    /// <summary>An out-of-office or other automatic reply (moved to the processed folder).</summary>
    AutoReply,

    /// <summary>A reply with no words left once quotes and signature are stripped (moved to the processed folder).</summary>
    Empty,

    /// <summary>Reading it failed in a way nobody foresaw; the detail names the error (quarantined).</summary>
    Unreadable,
}
