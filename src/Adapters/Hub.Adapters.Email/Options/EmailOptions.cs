namespace Hub.Adapters.Email.Options;

/// <summary>
/// Settings of one contractor mailbox: named options (the name is the system's) bound from <c>Hub:Systems:&lt;name&gt;</c>,
/// defaults as written here, checked on start by the adapter's validator, which names the key of every wrong one.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>The hub's sender address, e.g. "hub@facility.example".</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The mailbox replies should go to; defaults to <see cref="From"/>.</summary>
    public string ReplyTo { get; set; } = string.Empty;

    public MailTransportKind Transport { get; set; } = MailTransportKind.Mail;
    public MailAuthMode Auth { get; set; } = MailAuthMode.Password;
    public MailServerOptions Smtp { get; set; } = new() { Port = 587 };
    public MailServerOptions Imap { get; set; } = new() { Port = 993, Security = MailSecurity.SslOnConnect };
    public OAuth2Options OAuth2 { get; set; } = new();
    public DirectoryTransportOptions Directory { get; set; } = new();

    /// <summary>Which Authentication-Results header the hub believes, and what it must prove before a reply changes a case.</summary>
    public SenderAuthenticationOptions SenderAuthentication { get; set; } = new();

    /// <summary>IMAP folder that read replies are moved to (never deleted).</summary>
    public string ProcessedFolder { get; set; } = "Hub/Processed";

    /// <summary>IMAP folder that untrusted, unknown, oversized or malformed mail is moved to.</summary>
    public string QuarantineFolder { get; set; } = "Hub/Quarantine";

    /// <summary>
    /// The hub's own mailbox that every mail to a contractor is also addressed to (envelope only, the contractor never
    /// sees it). Its copy arrives only if the SMTP server took the mail, so after a crash between the server's 250 and
    /// the hub's record the hub looks for it (over IMAP, by Message-ID) before it sends again. Empty: the ReplyTo
    /// mailbox (else From), which the hub reads over IMAP. "off": no copy, and such mail is sent at least once.
    /// </summary>
    public string SentCopyTo { get; set; } = string.Empty;

    /// <summary>IMAP folder the copies of the hub's own mail are moved to when they arrive in <see cref="MailServerOptions.Folder"/>.</summary>
    public string SentCopyFolder { get; set; } = "Hub/Sent";

    /// <summary>How long the hub waits for the copy of a mail whose outcome it does not know before it sends that mail again.</summary>
    public TimeSpan SentCopyWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Replies larger than this are quarantined unread.</summary>
    public long MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most replies handed to the engine per read; the rest follow at once (HasMore).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Longest wait of one IMAP IDLE (servers drop idle clients after 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>Allows a password or OAuth2 token over a connection without TLS to a host other than loopback (default false).</summary>
    public bool AllowPlainTextCredentials { get; set; }

    public const string NoSentCopy = "off";

    /// <summary>The address copies go to, or null when <see cref="SentCopyTo"/> is "off".</summary>
    public string? SentCopyAddress =>
        SentCopyTo.Trim().Equals(NoSentCopy, StringComparison.OrdinalIgnoreCase) ? null
        : !string.IsNullOrWhiteSpace(SentCopyTo) ? SentCopyTo.Trim()
        : !string.IsNullOrWhiteSpace(ReplyTo) ? ReplyTo
        : From;
}
