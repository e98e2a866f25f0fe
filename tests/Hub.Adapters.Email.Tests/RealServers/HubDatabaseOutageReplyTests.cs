using Hub.Abstractions.Model;
using Hub.Adapters.Email.Tests.Support;
using Hub.Engine.Persistence;
using Hub.Testing.Engine;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>
/// A contractor's reply read while the hub's own database fails is not the mail's fault: it must not be set aside as
/// unreadable (the case would never hear "gereed"), but stay in the inbox and be read once the database is back.
/// </summary>
[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class HubDatabaseOutageReplyTests(MailServers servers)
{
    [Fact]
    public async Task A_reply_read_while_the_hubs_database_fails_stays_in_the_inbox_and_is_read_once_the_database_is_back()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        await using var _ = database;
        var setup = await HubMailboxSetup.CreateAsync(servers);
        setup.System.StateInFront = new DatabaseAdapterStateStore(database.Database);
        var order = await setup.SendOrderAsync(setup.System.CreateAdapter(), Samples.NewKey());
        var done = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed");
        await setup.DeliverToHubAsync(done);

        await database.ExecuteSqlAsync("ALTER TABLE adapter_state RENAME TO adapter_state_away"); // the hub's tables not as it expects
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => setup.System.CreateAdapter().ReadChangesAsync(null, Samples.Timeout()));

        Assert.Contains("could not be read while matching a reply", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(done.MessageId, await servers.MessageIdsInAsync(setup.Hub, "Hub/Quarantine", Samples.Timeout()));
        Assert.Empty(setup.System.Journal.Recorded);

        await database.ExecuteSqlAsync("ALTER TABLE adapter_state_away RENAME TO adapter_state");
        var batch = await setup.System.CreateAdapter().ReadChangesAsync(null, Samples.Timeout());

        var change = Assert.Single(batch.Changes);
        Assert.Equal(ChangeKind.Resolved, change.Kind);
        Assert.Equal(done.MessageId, change.Version);
    }
}
