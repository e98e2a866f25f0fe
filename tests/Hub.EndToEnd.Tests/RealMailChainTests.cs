using Hub.Simulators.Contractor;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>The whole chain with the contractor on a real Postfix (SMTP) and Dovecot (IMAP) on loopback.</summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class RealMailChainTests(ITestOutputHelper log) : IAsyncLifetime, IDisposable
{
    private readonly MailServers servers = new();

    public Task InitializeAsync() => servers.InitializeAsync();

    public Task DisposeAsync() => servers.DisposeAsync();

    public void Dispose() => servers.Dispose();

    [Fact]
    public async Task When_the_plumber_answers_by_real_mail_every_answer_reaches_the_service_desk()
    {
        var (hubMailbox, plumber) = await servers.NewHubAndContractorAsync("loodgieter");
        await using var world = new ChainWorld(log, mail: new ChainWorld.RealMail(servers.SmtpPort, servers.ImapPort, hubMailbox.Address, hubMailbox.Password, plumber.Address));
        using var stop = new CancellationTokenSource();
        var contractor = new MailboxContractor(servers, plumber);
        var answering = Task.Run(() => contractor.RunAsync(stop.Token));
        var incident = Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();

        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(120),
            "the TOPdesk incident completed after the plumber mailed 'gereed'");
        await stop.CancelAsync();
        await answering.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(1, contractor.OrdersSeen); // one work order, delivered through Postfix into the plumber's mailbox
        Assert.Equal(1, world.Dynamics.Cases.Single().StateCode);
        Assert.Contains(world.TopDesk.ActionsOf(incident.Id), a => !a.InvisibleForCaller && a.PlainText.Contains("Monteur komt", StringComparison.Ordinal));
        var processed = await servers.MessageIdsInAsync(hubMailbox, "Hub/Processed", CancellationToken.None);
        Assert.True(processed.Count >= 2, "the hub moves the answers it has read to Hub/Processed, never deleting them");
    }

    [Fact]
    public async Task A_reply_is_read_within_seconds_of_arriving_although_the_mailbox_is_polled_only_hourly()
    {
        var hubMailbox = await servers.NewMailboxAsync("hub", "hub.test");
        var plumber = await servers.NewMailboxAsync("loodgieter", "contractor.test");
        await using var world = new ChainWorld(log, contractorAnswers: false,
            mail: new ChainWorld.RealMail(servers.SmtpPort, servers.ImapPort, hubMailbox.Address, hubMailbox.Password, plumber.Address))
        {
            ContractorPollInterval = "01:00:00",
        };
        Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();
        using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var order = await servers.WaitForMailAsync(plumber, "INBOX", m => m.Headers["X-Hub-Mail-Kind"] == "work-order", waiting.Token);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the poll at start is long done, the next one is an hour away

        var sent = System.Diagnostics.Stopwatch.StartNew();
        await servers.SendAsync(ContractorReplyMail.Build(order, ContractorAnswer.Accepted, "Jan de Vries, Loodgietersbedrijf De Vries", TimeProvider.System.GetUtcNow()), waiting.Token);
        await world.EventuallyAsync(() => world.Dynamics.Notes.Any(n => n.NoteText?.Contains("Akkoord", StringComparison.Ordinal) == true), TimeSpan.FromSeconds(10),
            "the plumber's reply, read without waiting for the hourly poll, as a note on the case");

        log.WriteLine($"reply read and on the Dynamics case {sent.Elapsed.TotalSeconds:0.0} s after it was sent");
    }

    [Fact]
    public async Task Killing_the_hub_twice_during_forty_real_mail_work_orders_delivers_each_work_order_once()
    {
        var (hubMailbox, plumber) = await servers.NewHubAndContractorAsync("loodgieter");
        await using var world = new ChainWorld(log, contractorAnswers: false,
            mail: new ChainWorld.RealMail(servers.SmtpPort, servers.ImapPort, hubMailbox.Address, hubMailbox.Password, plumber.Address));
        world.TopDesk.SetFailureRatio(0.0, TimeSpan.FromMilliseconds(40)); // slow enough to be killed mid-batch
        world.Dynamics.FailShareOfRequests(0.0, TimeSpan.FromMilliseconds(40));
        for (var i = 1; i <= 40; i++)
        {
            Complaints.BlockedToilet(world.TopDesk, i);
        }

        var first = world.StartHub();
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= 5, TimeSpan.FromSeconds(60), "the first cases");
        first.Kill();
        var second = world.StartHub();
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= 20, TimeSpan.FromSeconds(60), "more cases after the restart");
        second.Kill();
        world.StartHub();

        var orders = new List<string>();
        await world.EventuallyAsync(async () =>
        {
            orders = await WorkOrderIdsAsync(plumber);
            return orders.Distinct(StringComparer.Ordinal).Count() >= 40;
        }, TimeSpan.FromSeconds(150), "forty work orders in the plumber's mailbox");
        await Task.Delay(TimeSpan.FromSeconds(5));
        orders = await WorkOrderIdsAsync(plumber);

        Assert.Equal(40, orders.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(orders.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    /// <summary>The Message-IDs of the work orders in the plumber's inbox, one entry per copy delivered.</summary>
    private async Task<List<string>> WorkOrderIdsAsync(TestMailbox plumber)
    {
        using var client = await servers.SignInAsync(plumber, CancellationToken.None);
        await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, CancellationToken.None);
        var ids = new List<string>();
        for (var i = 0; i < client.Inbox.Count; i++)
        {
            var mail = await client.Inbox.GetMessageAsync(i, CancellationToken.None);
            if (mail.Headers["X-Hub-Mail-Kind"] == "work-order" && mail.MessageId is { } id)
            {
                ids.Add(id);
            }
        }

        await client.DisconnectAsync(quit: true, CancellationToken.None);
        return ids;
    }
}
