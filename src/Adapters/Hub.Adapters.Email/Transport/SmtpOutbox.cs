using Hub.Abstractions.Telemetry;
using Hub.Adapters.Email.Options;
using MailKit.Net.Smtp;
using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Sends mail through the configured SMTP server, one connection per mail. The envelope also names the hub's own
/// mailbox when a sent copy is kept (<paramref name="copyTo"/>); no header shows it, so the contractor never sees it.
/// </summary>
internal sealed class SmtpOutbox(string systemName, MailServerOptions server, MailSignIn signIn, string? copyTo)
{
    private string ServerName => $"SMTP server {server.Host}:{server.Port}";

    public Task SendAsync(MimeMessage message, Func<CancellationToken, Task> handingOver, CancellationToken cancellationToken) =>
        MailSpan.TraceAsync(HubSpans.SmtpSend, systemName, "smtp", server, async () =>
        {
            await HandOverAsync(message, handingOver, cancellationToken);
            return true;
        });

    private async Task HandOverAsync(MimeMessage message, Func<CancellationToken, Task> handingOver, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await MailFailure.GuardAsync(systemName, ServerName, async () =>
        {
            await signIn.ConnectAsync(client, server, cancellationToken);
            return true;
        }, cancellationToken);

        // Outside the guard: a failure to record this is the hub's own, not the mail server's.
        await handingOver(cancellationToken);
        await MailFailure.GuardAsync(systemName, ServerName, async () =>
        {
            await client.SendAsync(message, message.From.Mailboxes.First(), Recipients(message), cancellationToken);
            return true;
        }, cancellationToken);
        await QuitAsync(client, cancellationToken);
    }

    /// <summary>After the 250 the mail is the server's: a failed goodbye must not make the hub send it again.</summary>
    private static async Task QuitAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception error) when (error is IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException or OperationCanceledException)
        {
            // The connection is dropped with the client.
        }
    }

    private List<MailboxAddress> Recipients(MimeMessage message)
    {
        var recipients = message.GetRecipients(onlyUnique: true).ToList();
        if (copyTo is not null && !recipients.Any(r => r.Address.Equals(copyTo, StringComparison.OrdinalIgnoreCase)))
        {
            recipients.Add(MailboxAddress.Parse(copyTo));
        }

        return recipients;
    }

    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new SmtpClient();
            await signIn.ConnectAsync(client, server, cancellationToken);
            await client.NoOpAsync(cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return null;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return MailFailure.From(systemName, ServerName, error).Message;
        }
    }
}
