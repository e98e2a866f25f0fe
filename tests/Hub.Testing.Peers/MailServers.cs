using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Hub.Testing.Peers;

/// <summary>
/// A real Dovecot (IMAP, LMTP, SASL for Postfix) and a real Postfix (SMTP, delivering into Dovecot over LMTP),
/// started from the installed Debian packages on loopback high ports, with their own configuration, queue and
/// mail under one temporary directory, and stopped at the end. Each test takes fresh mailboxes from
/// <see cref="NewMailboxAsync"/>, so tests never read each other's mail.
/// </summary>
public sealed class MailServers : IAsyncLifetime, IDisposable
{
    private const string DovecotBinary = "/usr/sbin/dovecot";
    private const string PostfixBinary = "/usr/sbin/postfix";
    private const string LmtpBinary = "/usr/lib/dovecot/lmtp";
    private const string DoveadmBinary = "/usr/bin/doveadm";
    private readonly string root = Path.Combine(Path.GetTempPath(), "hub-mail-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SemaphoreSlim usersLock = new(1, 1);
    private Process? dovecot;
    private bool postfixStarted;
    private int mailboxCount;

    /// <summary>The identity provider Dovecot checks XOAUTH2 tokens with.</summary>
    public IdentityProvider Identity { get; } = new();

    /// <summary>IMAP, plain or upgraded with STARTTLS.</summary>
    public int ImapPort { get; private set; }

    /// <summary>IMAP over TLS from the first byte.</summary>
    public int ImapsPort { get; private set; }

    /// <summary>SMTP, plain or upgraded with STARTTLS.</summary>
    public int SmtpPort { get; private set; }

    /// <summary>SMTP over TLS from the first byte.</summary>
    public int SmtpsPort { get; private set; }

    /// <summary>The servers' self-signed certificate (PEM), for a hub told to trust it.</summary>
    public string CertificatePath { get; private set; } = string.Empty;
    public static string Host => "127.0.0.1";

    public async Task InitializeAsync()
    {
        var missing = new[] { DovecotBinary, DoveadmBinary, LmtpBinary, PostfixBinary }.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The real-server mail tests need Dovecot and Postfix, but {string.Join(", ", missing)} is missing. " +
                "Install them with: apt-get install -y dovecot-imapd dovecot-lmtpd postfix (test.sh does this when run as root).");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException(
                "The real-server mail tests start Dovecot and Postfix, which switch to their own system users: run the tests as root (as CI and test.sh do).");
        }

        ImapPort = FreeLoopbackPort.Find();
        ImapsPort = FreeLoopbackPort.Find();
        SmtpPort = FreeLoopbackPort.Find();
        SmtpsPort = FreeLoopbackPort.Find();
        var lmtpPort = FreeLoopbackPort.Find();
        var authPort = FreeLoopbackPort.Find();
        foreach (var dir in new[] { "dovecot/run", "dovecot/state", "mail", "postfix/conf", "postfix/queue", "postfix/data" })
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }

        await RunAsync("chmod", $"755 {root}");
        await File.WriteAllTextAsync(Path.Combine(root, "dovecot/users"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(root, "dovecot/oauth2.conf.ext"), MailServerConfig.DovecotOAuth2(Identity.IntrospectionUrl));
        var (certificatePath, keyPath) = MailServerCertificate.Write(Path.Combine(root, "tls"));
        CertificatePath = certificatePath;
        await File.WriteAllTextAsync(Path.Combine(root, "dovecot/dovecot.conf"), MailServerConfig.Dovecot(root, ImapPort, ImapsPort, lmtpPort, authPort, certificatePath, keyPath));
        await File.WriteAllTextAsync(Path.Combine(root, "postfix/conf/main.cf"), MailServerConfig.PostfixMain(root, lmtpPort, authPort, certificatePath, keyPath));
        await File.WriteAllTextAsync(Path.Combine(root, "postfix/conf/master.cf"), MailServerConfig.PostfixMaster(SmtpPort, SmtpsPort));
        await File.WriteAllTextAsync(Path.Combine(root, "postfix/conf/border_verdicts.cidr"), BorderVerdicts.ClientTable());
        await File.WriteAllTextAsync(Path.Combine(root, "postfix/conf/recipient_verdicts.regexp"), RecipientVerdicts.Table());
        await RunAsync("chown", $"mail:mail {root}/mail");
        await RunAsync("chown", $"postfix {root}/postfix/data");

        dovecot = Process.Start(new ProcessStartInfo(DovecotBinary, ["-F", "-c", Path.Combine(root, "dovecot/dovecot.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Dovecot did not start.");
        await WaitForPortAsync(ImapPort, () => "Dovecot did not open its IMAP port: " + ReadLog("dovecot/dovecot.log"));

        await RunAsync(PostfixBinary, $"-c {root}/postfix/conf start", () => ReadLog("postfix/maillog"));
        postfixStarted = true;
        await WaitForPortAsync(SmtpPort, () => "Postfix did not open its SMTP port: " + ReadLog("postfix/maillog"));
        await WaitForPortAsync(SmtpsPort, () => "Postfix did not open its SMTPS port: " + ReadLog("postfix/maillog"));
    }

    public async Task DisposeAsync()
    {
        if (postfixStarted)
        {
            await RunAsync(PostfixBinary, $"-c {root}/postfix/conf stop");
        }

        if (dovecot is { HasExited: false })
        {
            await RunAsync("kill", $"-TERM {dovecot.Id}");
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await dovecot.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                dovecot.Kill(entireProcessTree: true);
            }
        }

        dovecot?.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A server child that is still closing may hold a file; the directory is under the temp folder.
        }
    }

    public void Dispose()
    {
        usersLock.Dispose();
        Identity.Dispose();
    }

    /// <summary>A new mailbox ("hub-3@hub.test") that Dovecot accepts logins and LMTP deliveries for.</summary>
    public async Task<TestMailbox> NewMailboxAsync(string name, string domain)
    {
        await usersLock.WaitAsync();
        try
        {
            var mailbox = new TestMailbox($"{name}-{++mailboxCount}@{domain}", "pw-" + Guid.NewGuid().ToString("N")[..10]);
            await File.AppendAllTextAsync(Path.Combine(root, "dovecot/users"), $"{mailbox.Address}:{{PLAIN}}{mailbox.Password}\n");
            await WaitUntilKnownAsync(mailbox.Address);
            return mailbox;
        }
        finally
        {
            usersLock.Release();
        }
    }

    /// <summary>
    /// The two mailboxes every mail test starts from: the hub's ("hub-1@hub.test") and a contractor's
    /// ("plumber-2@contractor.test"), in the domain <see cref="BorderVerdicts"/> vouches for.
    /// </summary>
    public async Task<(TestMailbox Hub, TestMailbox Contractor)> NewHubAndContractorAsync(string contractor)
    {
        var hub = await NewMailboxAsync("hub", "hub.test");
        return (hub, await NewMailboxAsync(contractor, BorderVerdicts.ContractorDomain));
    }

    /// <summary>
    /// Dovecot looks at its users file at most once a second, so a mailbox added just after a lookup stays unknown
    /// (and mail to it bounces) until the next second: wait until Dovecot's own lookup finds it.
    /// </summary>
    private async Task WaitUntilKnownAsync(string address)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await TryRunAsync(DoveadmBinary, $"-c {root}/dovecot/dovecot.conf user {address}"))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Dovecot does not know the new mailbox {address} after 5 s: {Tail("dovecot/dovecot.log")}");
    }

    public async Task<ImapClient> SignInAsync(TestMailbox mailbox, CancellationToken cancellationToken)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Host, ImapPort, SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(mailbox.Address, mailbox.Password, cancellationToken);
        return client;
    }

    /// <summary>Sends a mail through Postfix as an outside party would (no sign-in, from loopback, or from the address <paramref name="from"/>: see <see cref="BorderVerdicts"/>).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken, IPAddress? from = null)
    {
        using var client = new SmtpClient { LocalEndPoint = new IPEndPoint(from ?? IPAddress.Loopback, 0) };
        await client.ConnectAsync(Host, SmtpPort, SecureSocketOptions.None, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Waits until a mail that fits arrives in the mailbox's folder (delivery through Postfix takes a moment).</summary>
    public async Task<MimeMessage> WaitForMailAsync(TestMailbox mailbox, string folderName, Func<MimeMessage, bool> fits, CancellationToken cancellationToken)
    {
        try
        {
            return await PollForMailAsync(mailbox, folderName, fits, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No fitting mail reached {mailbox.Address}/{folderName} in time.\n--- Postfix log ---\n{Tail("postfix/maillog")}\n--- Dovecot log ---\n{Tail("dovecot/dovecot.log")}");
        }
    }

    private async Task<MimeMessage> PollForMailAsync(TestMailbox mailbox, string folderName, Func<MimeMessage, bool> fits, CancellationToken cancellationToken)
    {
        using var client = await SignInAsync(mailbox, cancellationToken);
        while (true)
        {
            var folder = await FolderAsync(client, folderName, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
            for (var i = folder.Count - 1; i >= 0; i--)
            {
                var message = await folder.GetMessageAsync(i, cancellationToken);
                if (fits(message))
                {
                    return message;
                }
            }

            await folder.CloseAsync(expunge: false, cancellationToken);
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>The mails in one folder of a mailbox, now, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesInAsync(TestMailbox mailbox, string folderName, CancellationToken cancellationToken)
    {
        using var client = await SignInAsync(mailbox, cancellationToken);
        var folder = await FolderAsync(client, folderName, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var messages = new List<MimeMessage>();
        for (var i = 0; i < folder.Count; i++)
        {
            messages.Add(await folder.GetMessageAsync(i, cancellationToken));
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return messages;
    }

    /// <summary>The Message-IDs in one folder of a mailbox, now.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsInAsync(TestMailbox mailbox, string folderName, CancellationToken cancellationToken)
    {
        using var client = await SignInAsync(mailbox, cancellationToken);
        IMailFolder folder;
        try
        {
            folder = await FolderAsync(client, folderName, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var ids = folder.Count == 0
            ? []
            : (await folder.FetchAsync(0, -1, MessageSummaryItems.Envelope, cancellationToken)).Select(s => s.Envelope?.MessageId ?? string.Empty).ToList();
        await client.DisconnectAsync(quit: true, cancellationToken);
        return ids;
    }

    /// <summary>A folder by the hub's path notation ("Hub/Processed"), whatever hierarchy separator the server uses.</summary>
    private static async Task<IMailFolder> FolderAsync(ImapClient client, string path, CancellationToken cancellationToken) =>
        path == "INBOX"
            ? client.Inbox
            : await client.GetFolderAsync(path.Replace('/', client.PersonalNamespaces[0].DirectorySeparator), cancellationToken);

    private static async Task WaitForPortAsync(int port, Func<string> failure)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException(failure());
    }

    private string Tail(string relative, int lines = 60)
    {
        var all = ReadLog(relative).Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private string ReadLog(string relative)
    {
        var path = Path.Combine(root, relative);
        return File.Exists(path) ? File.ReadAllText(path) : $"(no log at {path})";
    }

    private static async Task<bool> TryRunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{program} did not start.");
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static async Task RunAsync(string program, string arguments, Func<string>? log = null)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {output} {log?.Invoke()}");
        }
    }
}

/// <summary>A mailbox on the test's Dovecot: its address (also its login) and password.</summary>
public sealed record TestMailbox(string Address, string Password);
