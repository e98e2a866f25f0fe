namespace Hub.Adapters.Email.Transport;

/// <summary>What the hub can find out about a mail it handed over without learning the outcome.</summary>
internal enum SentEvidence
{
    /// <summary>The server took it: its copy is in the hub's mailbox (or its file in the outbox folder).</summary>
    Found,

    /// <summary>No copy arrived within the wait: the server most likely never took it, so it is sent again.</summary>
    NotFound,

    /// <summary>No evidence can be had (no copy is kept): the mail is sent again, at least once.</summary>
    NoEvidence,
}
