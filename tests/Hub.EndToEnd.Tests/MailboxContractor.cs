using Hub.Simulators.Contractor;
using MailKit;
using MimeKit;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A plumber with a real mailbox: reads work orders from its IMAP inbox on the real Dovecot and answers each, in
/// turn, through the real Postfix: "akkoord", then an appointment, then "gereed".
/// </summary>
internal sealed class MailboxContractor(MailServers servers, TestMailbox mailbox)
{
    private readonly HashSet<string> answered = new(StringComparer.Ordinal);

    public int OrdersSeen => answered.Count;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var order in await NewOrdersAsync(cancellationToken))
            {
                foreach (var answer in new[] { ContractorAnswer.Accepted, ContractorAnswer.Scheduled(TimeProvider.System.GetUtcNow(), zone), ContractorAnswer.Done })
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    await servers.SendAsync(ContractorReplyMail.Build(order, answer, "Jan de Vries, Loodgietersbedrijf De Vries", TimeProvider.System.GetUtcNow()), cancellationToken);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private async Task<List<MimeMessage>> NewOrdersAsync(CancellationToken cancellationToken)
    {
        using var client = await servers.SignInAsync(mailbox, cancellationToken);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var orders = new List<MimeMessage>();
        for (var i = 0; i < client.Inbox.Count; i++)
        {
            var message = await client.Inbox.GetMessageAsync(i, cancellationToken);
            if (message.Headers["X-Hub-Mail-Kind"] == "work-order" && message.MessageId is { } id && answered.Add(id))
            {
                orders.Add(message);
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return orders;
    }
}
