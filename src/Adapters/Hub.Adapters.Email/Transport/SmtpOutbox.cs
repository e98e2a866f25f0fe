using Hub.Adapters.Email.Options;
using MailKit.Net.Smtp;
using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>Sends mail through the configured SMTP server, one connection per mail.</summary>
internal sealed class SmtpOutbox(string systemName, MailServerOptions server, MailSignIn signIn)
{
    private string ServerName => $"SMTP server {server.Host}:{server.Port}";

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        MailFailure.GuardAsync(systemName, ServerName, async () =>
        {
            using var client = new SmtpClient();
            await signIn.ConnectAsync(client, server, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return true;
        }, cancellationToken);

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
