using Hub.Adapters.Email.Tests.RealServers;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>The whole chain with the contractor on a real Postfix (SMTP) and Dovecot (IMAP) on loopback.</summary>
[Collection(RunsAlone.Name)]
public sealed class RealMailChainTests(ITestOutputHelper log) : IAsyncLifetime, IDisposable
{
    private readonly MailServers servers = new();

    public Task InitializeAsync() => servers.InitializeAsync();

    public Task DisposeAsync() => servers.DisposeAsync();

    public void Dispose() => servers.Dispose();

    [Fact]
    public async Task When_the_plumber_answers_by_real_mail_every_answer_reaches_the_service_desk()
    {
        var hubMailbox = await servers.NewMailboxAsync("hub", "hub.test");
        var plumber = await servers.NewMailboxAsync("loodgieter", "contractor.test");
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
}
