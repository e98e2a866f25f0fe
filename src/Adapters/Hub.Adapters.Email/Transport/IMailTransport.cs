using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>How mail leaves and arrives: SMTP and IMAP, or folders of .eml files.</summary>
internal interface IMailTransport
{
    /// <summary>
    /// Hands one mail to the outgoing server; throws <see cref="Hub.Abstractions.Adapters.AdapterException"/> when it is refused
    /// or the answer is lost. <paramref name="handingOver"/> runs once the server is reached, just before the mail is
    /// handed over: from then on a failure leaves the outcome unknown (see <see cref="FindSentAsync"/>).
    /// </summary>
    Task SendAsync(MimeMessage message, Func<CancellationToken, Task> handingOver, CancellationToken cancellationToken);

    /// <summary>
    /// Looks for the evidence that the mail with this Message-ID went out (its copy in the hub's own mailbox, the
    /// file in the outbox folder), waiting briefly for a copy still on its way.
    /// </summary>
    Task<SentEvidence> FindSentAsync(string messageId, CancellationToken cancellationToken);

    Task<IInboxSession> OpenInboxAsync(CancellationToken cancellationToken);

    /// <summary>Returns true when new mail arrives before <paramref name="maxWait"/> passes.</summary>
    Task<bool> WaitForMailAsync(TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Checks that mail can be sent and read; never throws for a peer that is down.</summary>
    Task<string?> FindProblemAsync(CancellationToken cancellationToken);

    /// <summary>Each readiness check of the transport (sign-ins, folders), passed or failed with a fix; never throws for a peer that is down.</summary>
    Task<IReadOnlyList<Hub.Abstractions.Adapters.SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken);
}
