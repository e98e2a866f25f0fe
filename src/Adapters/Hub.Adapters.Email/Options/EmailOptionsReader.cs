using System.Security.Cryptography;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Hub.Adapters.Email.Options;

/// <summary>
/// Binds <see cref="EmailAdapterOptions"/> from a system's configuration section and checks them, so a wrong
/// setting stops the hub at start with a message that names the full key and says how to fix it.
/// </summary>
internal static class EmailOptionsReader
{
    public static EmailAdapterOptions Read(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EmailAdapterOptions options;
        try
        {
            options = context.Configuration.Get<EmailAdapterOptions>() ?? new EmailAdapterOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new HubConfigurationException(context.Configuration.Path,
                $"a setting has a value of the wrong kind ({ex.InnerException?.Message ?? ex.Message}). " +
                "Security is None, StartTls or SslOnConnect; Auth is Password or OAuth2; Transport is Mail or Directory; " +
                "SenderAuthentication:Require is None, Dmarc or DkimAligned.");
        }

        Validate(options, context);
        return options;
    }

    private static void Validate(EmailAdapterOptions options, SystemContext context)
    {
        RequireAddress(options.From, context.KeyOf("From"), required: true);
        RequireAddress(options.ReplyTo, context.KeyOf("ReplyTo"), required: false);
        if (options.MaxMessageBytes < 1024)
        {
            Fail(context.KeyOf("MaxMessageBytes"), "must be at least 1024 (bytes); the default is 10485760.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            Fail(context.KeyOf("BatchSize"), "must be between 1 and 1000.");
        }

        ValidateSenderAuthentication(options.SenderAuthentication, context);

        if (options.Transport == MailTransportKind.Directory)
        {
            RequireValue(options.Directory.Outbox, context.KeyOf("Directory:Outbox"), "the folder work orders are written to");
            RequireValue(options.Directory.Inbox, context.KeyOf("Directory:Inbox"), "the folder replies are read from");
            RequireValue(options.Directory.Processed, context.KeyOf("Directory:Processed"), "the folder read replies are moved to");
            RequireValue(options.Directory.Quarantine, context.KeyOf("Directory:Quarantine"), "the folder rejected mail is moved to");
            return;
        }

        ValidateSentCopy(options, context);
        ValidateServer(options.Smtp, "Smtp", options.Auth, signInRequired: false, context);
        ValidateServer(options.Imap, "Imap", options.Auth, signInRequired: true, context);
        RequireValue(options.Imap.Folder, context.KeyOf("Imap:Folder"), "the IMAP folder replies arrive in, e.g. INBOX");
        RequireValue(options.ProcessedFolder, context.KeyOf("ProcessedFolder"), "the IMAP folder read replies are moved to");
        RequireValue(options.QuarantineFolder, context.KeyOf("QuarantineFolder"), "the IMAP folder rejected mail is moved to");
        if (options.Auth == MailAuthMode.OAuth2)
        {
            RequireValue(options.OAuth2.TenantId, context.KeyOf("OAuth2:TenantId"), "the Entra ID tenant of the mailbox");
            RequireValue(options.OAuth2.ClientId, context.KeyOf("OAuth2:ClientId"), "the app registration's client id");
            RequireValue(options.OAuth2.ClientSecret, context.KeyOf("OAuth2:ClientSecret"), "the app registration's client secret");
            if (!Uri.TryCreate(options.OAuth2.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                Fail(context.KeyOf("OAuth2:Authority"), "must be an absolute https URL, e.g. https://login.microsoftonline.com/.");
            }
        }
    }

    /// <summary>An authserv-id is one token (RFC 8601 §2.5); a requirement without one could trust nothing, an id without a requirement checks nothing.</summary>
    private static void ValidateSenderAuthentication(SenderAuthenticationOptions authentication, SystemContext context)
    {
        var requireKey = context.KeyOf("SenderAuthentication:Require");
        var idKey = context.KeyOf("SenderAuthentication:AuthServId");
        var id = authentication.AuthServId.Trim();
        if (authentication.Require == SenderAuthenticationRequirement.None)
        {
            if (id.Length > 0)
            {
                Fail(idKey, $"is set, but {requireKey} is None: nothing is checked. Set {requireKey} to Dmarc or DkimAligned, or leave the id out.");
            }

            return;
        }

        if (id.Length == 0)
        {
            Fail(idKey, $"is required when {requireKey} is {authentication.Require}: the authserv-id the hub's mail server writes first in its " +
                        $"Authentication-Results header (e.g. mx.example.org, mx.google.com), or {SenderAuthenticationOptions.Microsoft365} for Microsoft 365.");
        }

        if (id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or '(' or ')' or '"' or '='))
        {
            Fail(idKey, $"'{id}' is not an authserv-id: give the one name before the first ';' of the server's Authentication-Results header, e.g. mx.example.org.");
        }
    }

    /// <summary>The copy of each sent mail in the hub's own mailbox is what makes a retry after a crash safe.</summary>
    private static void ValidateSentCopy(EmailAdapterOptions options, SystemContext context)
    {
        if (options.SentCopyAddress is not { } address)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(options.SentCopyTo))
        {
            var key = context.KeyOf("SentCopyTo");
            if (!MailboxAddress.TryParse(address, out var parsed) || !parsed.Address.Contains('@', StringComparison.Ordinal))
            {
                Fail(key, $"'{address}' is not an e-mail address: give the hub's own mailbox (the one read over IMAP), leave it empty for ReplyTo/From, or '{EmailAdapterOptions.NoSentCopy}' to send without a copy (then a crash can send a mail twice).");
            }
        }

        RequireValue(options.SentCopyFolder, context.KeyOf("SentCopyFolder"), "the IMAP folder copies of the hub's own mail are moved to, e.g. Hub/Sent");
        if (options.SentCopyWait < TimeSpan.FromSeconds(1) || options.SentCopyWait > TimeSpan.FromMinutes(5))
        {
            Fail(context.KeyOf("SentCopyWait"), "must be between 00:00:01 and 00:05:00; the default is 00:00:15.");
        }
    }

    /// <summary>An SMTP relay may take mail without signing in (empty Username); an IMAP mailbox never does.</summary>
    private static void ValidateServer(MailServerOptions server, string name, MailAuthMode auth, bool signInRequired, SystemContext context)
    {
        RequireValue(server.Host, context.KeyOf($"{name}:Host"), "the mail server's host name");
        if (server.Port is < 1 or > 65535)
        {
            Fail(context.KeyOf($"{name}:Port"), "must be a TCP port between 1 and 65535.");
        }

        if (server.Timeout <= TimeSpan.Zero)
        {
            Fail(context.KeyOf($"{name}:Timeout"), "must be a positive time span, e.g. 00:00:30.");
        }

        if (!string.IsNullOrWhiteSpace(server.CertificateFile))
        {
            var key = context.KeyOf($"{name}:CertificateFile");
            if (server.Security == MailSecurity.None)
            {
                Fail(key, $"is set, but {context.KeyOf($"{name}:Security")} is None: a certificate only matters with StartTls or SslOnConnect.");
            }

            if (!File.Exists(server.CertificateFile))
            {
                Fail(key, $"the file '{server.CertificateFile}' does not exist; give the path of the mail server's certificate (.cer/.pem) or leave the setting out.");
            }

            try
            {
                _ = Transport.ServerCertificateTrust.AlsoFile(server.CertificateFile);
            }
            catch (CryptographicException failure)
            {
                Fail(key, $"'{server.CertificateFile}' is not a certificate file (DER or PEM): {failure.Message}");
            }
        }

        if (signInRequired || auth == MailAuthMode.OAuth2)
        {
            RequireValue(server.Username, context.KeyOf($"{name}:Username"), "the mailbox account to sign in with");
        }

        if (auth == MailAuthMode.Password && !string.IsNullOrWhiteSpace(server.Username))
        {
            RequireValue(server.Password, context.KeyOf($"{name}:Password"), "the account's password (or set Auth to OAuth2)");
        }

        RefusePlainTextSignIn(server, name, auth, context);
    }

    /// <summary>A password or OAuth2 token over an unencrypted connection to another machine, unless the system allows it.</summary>
    private static void RefusePlainTextSignIn(MailServerOptions server, string name, MailAuthMode auth, SystemContext context)
    {
        var signsIn = auth == MailAuthMode.OAuth2 ? !string.IsNullOrWhiteSpace(server.Username) : !string.IsNullOrWhiteSpace(server.Password);
        if (server.Security != MailSecurity.None || !signsIn || PlainTextCredentials.IsLoopback(server.Host) || PlainTextCredentials.AreAllowed(context))
        {
            return;
        }

        var credential = auth == MailAuthMode.OAuth2 ? "OAuth2 token" : $"password of {context.KeyOf($"{name}:Password")}";
        throw PlainTextCredentials.Refusal(context, $"{name}:Security",
            $"None to '{server.Host}' sends the {credential} unencrypted", "StartTls or SslOnConnect");
    }

    private static void RequireAddress(string value, string key, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Fail(key, "is required: the hub's mailbox address, e.g. hub@facility.example.");
            }

            return;
        }

        if (!MailboxAddress.TryParse(value, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            Fail(key, $"'{value}' is not an e-mail address.");
        }
    }

    private static void RequireValue(string value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(key, $"is required: {what}.");
        }
    }

    private static void Fail(string key, string problem) => throw new HubConfigurationException(key, problem);
}
