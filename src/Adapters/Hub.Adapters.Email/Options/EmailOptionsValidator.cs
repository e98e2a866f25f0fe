using System.Security.Cryptography;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Hub.Adapters.Email.Options;

/// <summary>
/// Checks a contractor mailbox's settings, so a wrong one stops the hub at start with a message that names the full
/// key and says how to fix it; every wrong setting is named at once.
/// </summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new SettingProblems(name ?? Microsoft.Extensions.Options.Options.DefaultName);
        CheckAddress(problems, options.From, nameof(options.From), required: true);
        CheckAddress(problems, options.ReplyTo, nameof(options.ReplyTo), required: false);
        if (options.MaxMessageBytes < 1024)
        {
            problems.Add(nameof(options.MaxMessageBytes), "must be at least 1024 (bytes); the default is 10485760.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            problems.Add(nameof(options.BatchSize), "must be between 1 and 1000.");
        }

        CheckSenderAuthentication(problems, options.SenderAuthentication);
        if (options.Transport == MailTransportKind.Directory)
        {
            problems.Require(options.Directory.Outbox, "Directory:Outbox", "the folder work orders are written to");
            problems.Require(options.Directory.Inbox, "Directory:Inbox", "the folder replies are read from");
            problems.Require(options.Directory.Processed, "Directory:Processed", "the folder read replies are moved to");
            problems.Require(options.Directory.Quarantine, "Directory:Quarantine", "the folder rejected mail is moved to");
            return problems.ToResult();
        }

        CheckSentCopy(problems, options);
        CheckServer(problems, options.Smtp, nameof(options.Smtp), options, signInRequired: false);
        CheckServer(problems, options.Imap, nameof(options.Imap), options, signInRequired: true);
        problems.Require(options.Imap.Folder, "Imap:Folder", "the IMAP folder replies arrive in, e.g. INBOX");
        problems.Require(options.ProcessedFolder, nameof(options.ProcessedFolder), "the IMAP folder read replies are moved to");
        problems.Require(options.QuarantineFolder, nameof(options.QuarantineFolder), "the IMAP folder rejected mail is moved to");
        if (options.Auth == MailAuthMode.OAuth2)
        {
            problems.Require(options.OAuth2.TenantId, "OAuth2:TenantId", "the Entra ID tenant of the mailbox");
            problems.Require(options.OAuth2.ClientId, "OAuth2:ClientId", "the app registration's client id");
            problems.Require(options.OAuth2.ClientSecret, "OAuth2:ClientSecret", "the app registration's client secret");
            if (!Uri.TryCreate(options.OAuth2.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add("OAuth2:Authority", "must be an absolute https URL, e.g. https://login.microsoftonline.com/.");
            }
        }

        return problems.ToResult();
    }

    /// <summary>An authserv-id is one token (RFC 8601 §2.5); a requirement without one could trust nothing, an id without a requirement checks nothing.</summary>
    private static void CheckSenderAuthentication(SettingProblems problems, SenderAuthenticationOptions authentication)
    {
        const string requireSetting = "SenderAuthentication:Require";
        const string idSetting = "SenderAuthentication:AuthServId";
        var requireKey = problems.KeyOf(requireSetting);
        var id = authentication.AuthServId.Trim();
        if (authentication.Require == SenderAuthenticationRequirement.None)
        {
            if (id.Length > 0)
            {
                problems.Add(idSetting, $"is set, but {requireKey} is None: nothing is checked. Set {requireKey} to Dmarc or DkimAligned, or leave the id out.");
            }

            return;
        }

        if (id.Length == 0)
        {
            problems.Add(idSetting, $"is required when {requireKey} is {authentication.Require}: the authserv-id the hub's mail server writes first in its " +
                                    $"Authentication-Results header (e.g. mx.example.org, mx.google.com), or {SenderAuthenticationOptions.Microsoft365} for Microsoft 365.");
        }
        else if (id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or '(' or ')' or '"' or '='))
        {
            problems.Add(idSetting, $"'{id}' is not an authserv-id: give the one name before the first ';' of the server's Authentication-Results header, e.g. mx.example.org.");
        }
    }

    /// <summary>The copy of each sent mail in the hub's own mailbox is what makes a retry after a crash safe.</summary>
    private static void CheckSentCopy(SettingProblems problems, EmailOptions options)
    {
        if (options.SentCopyAddress is not { } address)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(options.SentCopyTo) && !IsAddress(address))
        {
            problems.Add(nameof(options.SentCopyTo), $"'{address}' is not an e-mail address: give the hub's own mailbox (the one read over IMAP), leave it empty for ReplyTo/From, or '{EmailOptions.NoSentCopy}' to send without a copy (then a crash can send a mail twice).");
        }

        problems.Require(options.SentCopyFolder, nameof(options.SentCopyFolder), "the IMAP folder copies of the hub's own mail are moved to, e.g. Hub/Sent");
        if (options.SentCopyWait < TimeSpan.FromSeconds(1) || options.SentCopyWait > TimeSpan.FromMinutes(5))
        {
            problems.Add(nameof(options.SentCopyWait), "must be between 00:00:01 and 00:05:00; the default is 00:00:15.");
        }
    }

    /// <summary>An SMTP relay may take mail without signing in (empty Username); an IMAP mailbox never does.</summary>
    private static void CheckServer(SettingProblems problems, MailServerOptions server, string name, EmailOptions options, bool signInRequired)
    {
        problems.Require(server.Host, $"{name}:Host", "the mail server's host name");
        if (server.Port is < 1 or > 65535)
        {
            problems.Add($"{name}:Port", "must be a TCP port between 1 and 65535.");
        }

        if (server.Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{name}:Timeout", "must be a positive time span, e.g. 00:00:30.");
        }

        CheckCertificateFile(problems, server, name);
        if (signInRequired || options.Auth == MailAuthMode.OAuth2)
        {
            problems.Require(server.Username, $"{name}:Username", "the mailbox account to sign in with");
        }

        if (options.Auth == MailAuthMode.Password && !string.IsNullOrWhiteSpace(server.Username))
        {
            problems.Require(server.Password, $"{name}:Password", "the account's password (or set Auth to OAuth2)");
        }

        RefusePlainTextSignIn(problems, server, name, options);
    }

    private static void CheckCertificateFile(SettingProblems problems, MailServerOptions server, string name)
    {
        if (string.IsNullOrWhiteSpace(server.CertificateFile))
        {
            return;
        }

        var setting = $"{name}:CertificateFile";
        if (server.Security == MailSecurity.None)
        {
            problems.Add(setting, $"is set, but {problems.KeyOf($"{name}:Security")} is None: a certificate only matters with StartTls or SslOnConnect.");
        }

        if (!File.Exists(server.CertificateFile))
        {
            problems.Add(setting, $"the file '{server.CertificateFile}' does not exist; give the path of the mail server's certificate (.cer/.pem) or leave the setting out.");
            return;
        }

        try
        {
            _ = Transport.ServerCertificateTrust.AlsoFile(server.CertificateFile);
        }
        catch (CryptographicException failure)
        {
            problems.Add(setting, $"'{server.CertificateFile}' is not a certificate file (DER or PEM): {failure.Message}");
        }
    }

    /// <summary>A password or OAuth2 token over an unencrypted connection to another machine, unless the system allows it.</summary>
    private static void RefusePlainTextSignIn(SettingProblems problems, MailServerOptions server, string name, EmailOptions options)
    {
        var signsIn = options.Auth == MailAuthMode.OAuth2 ? !string.IsNullOrWhiteSpace(server.Username) : !string.IsNullOrWhiteSpace(server.Password);
        if (server.Security != MailSecurity.None || !signsIn || PlainTextCredentials.IsLoopback(server.Host) || options.AllowPlainTextCredentials)
        {
            return;
        }

        var credential = options.Auth == MailAuthMode.OAuth2 ? "OAuth2 token" : $"password of {problems.KeyOf($"{name}:Password")}";
        PlainTextCredentials.Refuse(problems, $"{name}:Security", $"None to '{server.Host}' sends the {credential} unencrypted", "StartTls or SslOnConnect");
    }

    private static void CheckAddress(SettingProblems problems, string value, string setting, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(setting, "is required: the hub's mailbox address, e.g. hub@facility.example.");
            }

            return;
        }

        if (!IsAddress(value))
        {
            problems.Add(setting, $"'{value}' is not an e-mail address.");
        }
    }

    private static bool IsAddress(string value) =>
        MailboxAddress.TryParse(value, out var address) && address.Address.Contains('@', StringComparison.Ordinal);
}
