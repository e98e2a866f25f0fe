using Hub.Adapters.Email.Options;
using Hub.Abstractions.Adapters;
using MailKit.Net.Imap;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Whether the contractor mailbox is ready for the hub: SMTP and IMAP accept the hub's sign-in, and the folders it
/// reads and files mail into exist. Creates nothing: a missing folder is named, and said to be made by the hub when it
/// first reads the mailbox (as the service does at start) or by the admin beforehand.
/// </summary>
internal sealed class MailboxReadiness(string systemName, EmailOptions options, MailSignIn signIn, string keyPrefix)
{
    public async Task<IReadOnlyList<SystemCheck>> CheckAsync(SmtpOutbox outbox, CancellationToken cancellationToken)
    {
        var checks = new List<SystemCheck>();
        var smtpProblem = await outbox.FindProblemAsync(cancellationToken);
        checks.Add(smtpProblem is null
            ? SystemCheck.Pass("SMTP sign-in", $"{options.Smtp.Host}:{options.Smtp.Port}{As(options.Smtp)}")
            : SystemCheck.Fail("SMTP sign-in", smtpProblem, $"check {keyPrefix}:Smtp:Host, Port, Security, Username and Password"));
        checks.AddRange(await ImapAsync(cancellationToken));
        return checks;
    }

    private async Task<IReadOnlyList<SystemCheck>> ImapAsync(CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        try
        {
            await signIn.ConnectAsync(client, options.Imap, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return [SystemCheck.Fail("IMAP sign-in", MailFailure.From(systemName, $"IMAP server {options.Imap.Host}:{options.Imap.Port}", error).Message,
                $"check {keyPrefix}:Imap:Host, Port, Security, Username and Password")];
        }

        var checks = new List<SystemCheck> { SystemCheck.Pass("IMAP sign-in", $"{options.Imap.Host}:{options.Imap.Port}{As(options.Imap)}") };
        var folders = new List<(string Setting, string Path)>
        {
            ("Imap:Folder", options.Imap.Folder),
            (nameof(options.ProcessedFolder), options.ProcessedFolder),
            (nameof(options.QuarantineFolder), options.QuarantineFolder),
        };
        if (options.SentCopyAddress is not null)
        {
            folders.Add((nameof(options.SentCopyFolder), options.SentCopyFolder));
        }

        foreach (var (setting, path) in folders)
        {
            checks.Add(await FolderAsync(client, setting, path, cancellationToken));
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return checks;
    }

    private async Task<SystemCheck> FolderAsync(ImapClient client, string setting, string path, CancellationToken cancellationToken)
    {
        var name = $"folder {setting}";
        try
        {
            if (await ImapFolders.FindAsync(client, path, cancellationToken) is not null)
            {
                return SystemCheck.Pass(name, $"'{path}' exists");
            }
        }
        catch (Exception error) when (error is ImapCommandException or ImapProtocolException or IOException)
        {
            return SystemCheck.Fail(name, $"'{path}' cannot be looked up: {error.Message}", $"check that {options.Imap.Username} may list folders");
        }

        return SystemCheck.Fail(name, $"'{path}' does not exist in the mailbox of {options.Imap.Username}",
            $"create the folder '{path}' (the hub's account may also create it: the hub makes it when it first reads the mailbox), or set {keyPrefix}:{setting} to an existing folder");
    }

    private static string As(MailServerOptions server) =>
        string.IsNullOrWhiteSpace(server.Username) ? ", no sign-in" : $" as {server.Username}";
}
