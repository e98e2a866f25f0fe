using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// One `hub run` owns a SQLite database (several nodes need PostgreSQL, see ClusterOnPostgresTests): a second one started by mistake (its own API port, the same correlation log) refuses
/// to start and names the first; once the first is gone, even killed with SIGKILL, the next one starts.
/// </summary>
public abstract class OneHubPerDatabaseTests(ITestOutputHelper log, Func<Task<(DatabaseOptions? Options, IAsyncDisposable Lifetime)>> database)
{
    public const int ExitAnotherHubHoldsTheDatabase = 3;

    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    protected ITestOutputHelper Log => log;

    /// <summary>The exit code, or null when the hub is still running after <paramref name="timeout"/>.</summary>
    private static async Task<int?> ExitWithinAsync(HubProcess hub, TimeSpan timeout)
    {
        try
        {
            return await hub.WaitForExitAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static void AssertRefusedNaming(HubProcess refused, HubProcess holder, int? exit)
    {
        Assert.True(exit is not null, $"the second hub is still running beside the first:\n{refused.Output}");
        Assert.Equal(ExitAnotherHubHoldsTheDatabase, exit);
        Assert.Contains($"another hub (pid {holder.Id}, host {Environment.MachineName}) holds this database since ", refused.Output, StringComparison.Ordinal);
        Assert.Contains("use PostgreSQL (Hub:Database:Provider = Postgres) to run several nodes", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hub starting with", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_hub_on_the_same_database_refuses_to_start_naming_the_first_and_the_first_keeps_working()
    {
        var (options, lifetime) = await database();
        await using var _ = lifetime;
        await using var world = new ChainWorld(log, database: options);
        var first = world.StartHub();
        Assert.True(await first.WaitUntilStartedAsync(Start), first.Output);

        var second = world.StartAnotherHub();
        var exit = await ExitWithinAsync(second, TimeSpan.FromSeconds(30));

        log.WriteLine(second.Output);
        AssertRefusedNaming(second, first, exit);
        var incident = Complaints.BlockedToilet(world.TopDesk);
        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90),
            "the first hub took the complaint down the chain and back");
        Assert.False(first.HasExited, first.Output);
        Assert.Single(world.Dynamics.Cases);
        Assert.Single(world.WorkOrders());
    }

    [Fact]
    public async Task When_the_hub_holding_the_database_is_killed_outright_the_next_one_starts()
    {
        var (options, lifetime) = await database();
        await using var _ = lifetime;
        await using var world = new ChainWorld(log, database: options);
        var first = world.StartHub();
        Assert.True(await first.WaitUntilStartedAsync(Start), first.Output);
        var refused = world.StartAnotherHub();
        AssertRefusedNaming(refused, first, await ExitWithinAsync(refused, TimeSpan.FromSeconds(30)));

        first.Kill(); // SIGKILL: nothing gets to release anything
        var next = world.StartAnotherHub();

        Assert.True(await next.WaitUntilStartedAsync(Start), next.Output);
        var incident = Complaints.BlockedToilet(world.TopDesk);
        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90),
            "the hub started after the kill took the complaint down the chain and back");
        Assert.Single(world.Dynamics.Cases);
        Assert.Single(world.WorkOrders());
    }
}

[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class OneHubPerSqliteDatabaseTests(ITestOutputHelper log)
    : OneHubPerDatabaseTests(log, () => Task.FromResult<(DatabaseOptions?, IAsyncDisposable)>((null, new Nothing())))
{
    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_dead_letter_replayed_from_the_command_line_while_the_hub_runs_is_sent_once_and_the_chain_stays_intact()
    {
        await using var world = new ChainWorld(Log);
        var hub = world.StartHub();
        Assert.True(await hub.WaitUntilStartedAsync(TimeSpan.FromSeconds(60)), hub.Output);
        world.Dynamics.FailNextRequests(int.MaxValue, 400); // the building manager refuses everything: the case's create is a dead letter
        var incident = Complaints.BlockedToilet(world.TopDesk);
        var store = new HubDatabase(new DatabaseOptions { ConnectionString = $"Data Source={world.DatabaseFile}" }, world.Folder);
        await world.EventuallyAsync(async () => (await DeadLettersAsync(store)).Count == 1, TimeSpan.FromSeconds(60), "the create at the building manager dead-lettered");
        world.Dynamics.ClearFaults(); // the admin fixed the cause

        var id = Assert.Single(await DeadLettersAsync(store));
        var (replayExit, replayed) = await world.RunHubCommandAsync("deadletters", "replay", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(replayExit == 0, replayed);
        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90),
            "the running hub sent the replayed case and the complaint went down the chain and back");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second send of the replayed command would show up now
        var (verifyExit, verdict) = await world.RunHubCommandAsync("verify");
        Assert.False(hub.HasExited, hub.Output);
        Assert.Single(world.Dynamics.Cases);
        Assert.Single(world.WorkOrders());
        Assert.True(verifyExit == 0, verdict);
        Assert.Contains("Journal intact", verdict, StringComparison.Ordinal);
        await using var db = store.CreateContext();
        Assert.Equal(1, await db.Journal.CountAsync(e => e.Outcome == JournalOutcome.Replayed));
        Assert.Equal(1, await db.Journal.CountAsync(e => e.TargetSystem == "facility" && e.Outcome == JournalOutcome.Applied && e.Detail == "record created and linked"));
    }

    private static async Task<List<long>> DeadLettersAsync(HubDatabase store)
    {
        if (!File.Exists(store.DataSource))
        {
            return [];
        }

        await using var db = store.CreateContext();
        return await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.DeadLettered).Select(o => o.Id).ToListAsync();
    }
}
