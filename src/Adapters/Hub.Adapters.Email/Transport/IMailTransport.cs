using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>How mail leaves and arrives: SMTP and IMAP, or folders of .eml files.</summary>
internal interface IMailTransport
{
    /// <summary>Hands one mail to the outgoing server; throws <see cref="Hub.Core.Adapters.AdapterException"/> when it is refused.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    Task<IInboxSession> OpenInboxAsync(CancellationToken cancellationToken);

    /// <summary>Returns true when new mail arrives before <paramref name="maxWait"/> passes.</summary>
    Task<bool> WaitForMailAsync(TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Checks that mail can be sent and read; never throws for a peer that is down.</summary>
    Task<string?> FindProblemAsync(CancellationToken cancellationToken);
}
