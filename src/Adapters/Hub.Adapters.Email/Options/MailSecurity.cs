namespace Hub.Adapters.Email.Options;

/// <summary>How a connection to a mail server is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain text: only for loopback or a trusted relay.</summary>
    None,

    /// <summary>Plain connect, then upgrade with STARTTLS (SMTP 587, IMAP 143); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTP 465, IMAP 993).</summary>
    SslOnConnect,
}
