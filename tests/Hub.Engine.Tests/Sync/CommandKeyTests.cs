namespace Hub.Engine.Tests.Sync;

/// <summary>Every command reaches its adapter with the key of its outbox row: the same on every attempt, another for every other command.</summary>
public abstract class CommandKeyTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task A_retried_command_carries_the_key_of_its_outbox_row_and_each_command_its_own()
    {
        rig.Facility.Failure = AdapterException.Transient("facility", "HTTP 503 from Dataverse");
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        await rig.DispatchAsync();
        rig.Facility.Failure = null;
        rig.Clock.Advance(TimeSpan.FromHours(1));

        await rig.DispatchAllDueAsync();

        var rows = await rig.OutboxAsync();
        Assert.Equal(2, rows[0].Attempts);
        Assert.Equal(CommandKeys.Of(rows[0]), Assert.Single(rig.Facility.Created).CommandKey);
        Assert.Equal(CommandKeys.Of(rows[1]), Assert.Single(rig.Contractor.Created).CommandKey);
        Assert.Equal($"{rows[0].CaseId}/{rows[0].Id}", CommandKeys.Of(rows[0]));
        Assert.NotEqual(CommandKeys.Of(rows[0]), CommandKeys.Of(rows[1]));
    }
}

public sealed class CommandKeyOnSqliteTests() : CommandKeyTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class CommandKeyOnPostgresTests(PostgresServer server) : CommandKeyTests(server);
