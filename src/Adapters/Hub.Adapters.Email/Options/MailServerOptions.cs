namespace Hub.Adapters.Email.Options;

/// <summary>One mail server (SMTP or IMAP): where it is, how the connection is secured, who signs in.</summary>
public sealed class MailServerOptions
{
    public string Host { get; set; } = string.Empty;
    public int Port { get; set; }
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string Username { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;

    /// <summary>IMAP only: the folder replies arrive in.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>
    /// A certificate file (DER or PEM) the server may present besides those the machine trusts: for a server on a
    /// private CA or with a self-signed certificate. Only that exact certificate is added; its name must still match.
    /// </summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>How long one network operation may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
