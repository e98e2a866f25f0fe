namespace Hub.Adapters.Email.Options;

/// <summary>Where work orders go and replies come from.</summary>
public enum MailTransportKind
{
    /// <summary>SMTP out, IMAP in.</summary>
    Mail,

    /// <summary>.eml files in folders: for the sandbox and for sites that hand mail over through pickup folders.</summary>
    Directory,
}
