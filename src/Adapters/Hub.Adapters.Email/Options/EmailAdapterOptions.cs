namespace Hub.Adapters.Email.Options;

/// <summary>Settings of one contractor mailbox, bound from <c>Hub:Systems:&lt;name&gt;</c>.</summary>
public sealed class EmailAdapterOptions
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

    /// <summary>IMAP folder that read replies are moved to (never deleted).</summary>
    public string ProcessedFolder { get; set; } = "Hub/Processed";

    /// <summary>IMAP folder that untrusted, unknown, oversized or malformed mail is moved to.</summary>
    public string QuarantineFolder { get; set; } = "Hub/Quarantine";

    /// <summary>Replies larger than this are quarantined unread.</summary>
    public long MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most replies handed to the engine per read; the rest follow at once (HasMore).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Longest wait of one IMAP IDLE (servers drop idle clients after 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(9);
}
