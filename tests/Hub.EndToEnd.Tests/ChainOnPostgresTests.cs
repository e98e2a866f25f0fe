using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>The operator's switch to PostgreSQL: the same `hub` executable, only Hub:Database set to a real server.</summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class ChainOnPostgresTests(PostgresServer postgres, ITestOutputHelper log) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task With_the_correlation_log_on_postgres_a_complaint_runs_down_the_chain_and_back_and_the_journal_verifies()
    {
        await using var database = await ((IDatabaseSource)postgres).CreateEmptyAsync();
        await using var world = new ChainWorld(log, database: database.Options);
        var incident = Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();

        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90),
            "the TOPdesk incident is completed after the contractor reported done");
        var (verifyExit, verdict) = await world.RunHubCommandAsync("verify");
        var (traceExit, trace) = await world.RunHubCommandAsync("trace", incident.Number);

        Assert.Single(world.Dynamics.Cases);
        Assert.Single(world.WorkOrders());
        Assert.True(verifyExit == 0, verdict);
        Assert.True(traceExit == 0, trace);
        Assert.Contains(incident.Number, trace, StringComparison.Ordinal);
        Assert.False(File.Exists(world.DatabaseFile), "the hub wrote a SQLite file although Postgres was configured");
        await using var db = database.Database.CreateContext();
        Assert.Equal(["contractor", "facility", "servicedesk"], await db.Links.Select(l => l.SystemName).OrderBy(s => s).ToListAsync());
        Assert.Equal(1, await db.Cases.CountAsync(c => c.Status == "Resolved"));
    }
}
