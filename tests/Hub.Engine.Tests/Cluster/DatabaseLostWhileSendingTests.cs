using Hub.Engine.Tests.Sync;
using Npgsql;

namespace Hub.Engine.Tests.Cluster;

/// <summary>
/// The hub's own database going away while a command is out (a node cut off, a fail-over, a restart of PostgreSQL) is
/// not a failure of the target system: the command's attempts and backoff stay as they were, nothing is journaled
/// against the target, and the node sends it again in its next round, without waiting for its own lease to run out.
/// </summary>
[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class DatabaseLostWhileSendingTests(PostgresServer server) : SyncRigTests(server)
{
    [Fact]
    public async Task When_the_database_drops_every_connection_while_a_create_is_out_the_create_is_not_counted_as_failed_and_goes_out_again_at_once()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 001", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        var cut = 0;
        rig.Facility.BeforeCreate = async () =>
        {
            if (Interlocked.Exchange(ref cut, 1) == 0)
            {
                await EndEveryOtherSessionAsync(rig.Database.ConnectionString); // the hub's pooled connections are gone
            }
        };

        Exception? lost = null;
        try
        {
            await rig.DispatchAsync(); // the create reaches the target; recording it finds the database gone
        }
        catch (Exception failure)
        {
            lost = failure; // the dispatch loop logs this and tries again on its next tick
        }

        await rig.DispatchAllDueAsync(); // the next round: the same clock, the node's own lease from the lost round

        var row = (await rig.OutboxAsync()).First(o => o.TargetSystem == "facility");
        Assert.True(row.Status == OutboxStatus.Done, $"the case's create is {row.Status} after the database came back (attempts {row.Attempts}, next {row.NextAttemptAt:O}, error {row.LastError}; the lost round threw {lost?.GetType().Name})");
        Assert.Equal(1, row.Attempts);
        var failed = await rig.ReadAsync(db => db.Journal.Where(j => j.TargetSystem == "facility" && j.Outcome == JournalOutcome.Failed).Select(j => j.Error).ToListAsync());
        Assert.Empty(failed);
        Assert.Equal(1, await rig.ReadAsync(db => db.Links.CountAsync(l => l.SystemName == "facility")));
        Assert.Single(rig.Facility.Created.Select(c => c.CorrelationKey).Distinct());
        Assert.Single(rig.Contractor.Created);
        await rig.AssertJournalIntactAsync();
    }

    /// <summary>Ends every session on the hub's database but this one, and waits until they are gone.</summary>
    private static async Task EndEveryOtherSessionAsync(string connectionString)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var end = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
        var ended = (long)(await end.ExecuteScalarAsync() ?? 0L);
        Assert.True(ended > 0, "no session of the hub was open to end");
    }
}
