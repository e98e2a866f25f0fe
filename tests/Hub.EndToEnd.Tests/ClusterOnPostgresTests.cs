using System.Diagnostics;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// Several `hub run` nodes on one PostgreSQL database share the work: Quartz's clustered store gives each system's poll
/// to one node at a time, leased outbox rows divide the sending, and a node killed outright is taken over.
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class ClusterOnPostgresTests(PostgresServer postgres, ITestOutputHelper log) : IClassFixture<PostgresServer>
{
    private const int Waiting = 60;
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(120); // three hubs starting at once on a loaded 2-core machine took over 60 s

    /// <summary>Short check-ins and leases, so a dead node is noticed in seconds (the defaults are 10 s and 2 min).</summary>
    private static readonly Dictionary<string, string> QuickCluster = new()
    {
        ["Hub__Cluster__CheckInInterval"] = "00:00:02",
        ["Hub__Sync__DispatchLease"] = "00:00:20",
    };

    [Fact]
    public async Task Three_nodes_with_one_killed_midway_give_every_waiting_complaint_one_case_and_one_work_order_and_the_journal_verifies()
    {
        await using var database = await ((IDatabaseSource)postgres).CreateEmptyAsync();
        await using var world = new ChainWorld(log, database: database.Options);
        var incidents = Enumerable.Range(1, Waiting).Select(i => Complaints.BlockedToilet(world.TopDesk, i)).ToList();
        var nodes = new[] { world.StartHub(QuickCluster), world.StartAnotherHub(QuickCluster), world.StartAnotherHub(QuickCluster) };
        foreach (var node in nodes)
        {
            Assert.True(await node.WaitUntilStartedAsync(Start), node.Output);
        }

        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= Waiting / 3, TimeSpan.FromSeconds(90), "a third of the complaints reached the building manager");
        var victim = nodes[1];
        var victimId = await NodeIdOfAsync(database.Database, victim.Id);
        victim.Kill(); // SIGKILL mid-way: its leases and its polls are left behind
        var killedAt = Stopwatch.StartNew();

        await world.EventuallyAsync(async () => !await HoldsPendingAsync(database.Database, victimId), TimeSpan.FromSeconds(30),
            "the survivors took over every command the killed node held");
        var takeover = killedAt.Elapsed;
        await ExplainingAsync(database.Database, () => world.EventuallyAsync(() => incidents.All(i => world.TopDesk.Incident(i.Id).Completed), TimeSpan.FromSeconds(240),
            "every complaint went down the chain and back"), () => ClusterSnapshot.DescribeNotCompletedAsync(database.Database, world.TopDesk, incidents.Select(i => i.Id)));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second send of anything would show up now
        var (verifyExit, verdict) = await world.RunHubCommandAsync("verify");
        var (_, status) = await world.RunHubCommandWithAsync(QuickCluster, "status"); // judged by the nodes' own check-in interval

        log.WriteLine(status);
        log.WriteLine($"takeover after the kill: {takeover.TotalSeconds:0.0} s");
        Assert.Equal(Waiting, world.Dynamics.Cases.Count);
        Assert.Equal(Waiting, world.WorkOrders().Count);
        Assert.All(incidents, i => Assert.Single(world.TopDesk.ActionsOf(i.Id), a => !a.InvisibleForCaller && a.PlainText.Contains("Monteur komt", StringComparison.Ordinal)));
        Assert.True(verifyExit == 0, verdict);
        Assert.False(nodes[0].HasExited || nodes[2].HasExited, "a survivor stopped");
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(victimId)}\s.*\slost", status);
        Assert.Contains("LEASES: none older than they should be", status, StringComparison.Ordinal);
        await using var db = database.Database.CreateContext();
        Assert.Equal(Waiting, await db.Links.CountAsync(l => l.SystemName == "facility"));
        Assert.Equal(Waiting, await db.Links.CountAsync(l => l.SystemName == "contractor"));
    }

    [Fact]
    public async Task Two_nodes_started_at_the_same_moment_on_an_empty_database_both_come_up_and_share_it()
    {
        await using var database = await ((IDatabaseSource)postgres).CreateEmptyAsync();
        await using var world = new ChainWorld(log, database: database.Options);
        var one = world.StartHub(QuickCluster); // on the world's API address, for /health below
        var two = world.StartAnotherHub(QuickCluster);

        Assert.True(await one.WaitUntilStartedAsync(Start), one.Output);
        Assert.True(await two.WaitUntilStartedAsync(Start), two.Output);
        var incident = Complaints.BlockedToilet(world.TopDesk);
        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90), "the complaint went down the chain and back");

        Assert.False(one.HasExited, one.Output);
        Assert.False(two.HasExited, two.Output);
        Assert.Single(world.Dynamics.Cases);
        Assert.Single(world.WorkOrders());
        var (_, status) = await world.RunHubCommandWithAsync(QuickCluster, "status"); // judged by the nodes' own check-in interval
        log.WriteLine(status);
        using var http = new HttpClient();
        using var ask = new HttpRequestMessage(HttpMethod.Get, new Uri(world.ApiUrl, "health"));
        ask.Headers.Add("X-Api-Key", ChainWorld.ApiKey);
        using var answer = await http.SendAsync(ask);
        var health = await answer.Content.ReadAsStringAsync();
        log.WriteLine(health);
        await using var db = database.Database.CreateContext();
        var ids = await db.Nodes.Select(n => n.NodeId).ToListAsync();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(id)}\s.*\salive", status));
        Assert.All(ids, id => Assert.Contains($"\"id\": \"{id}\"", health, StringComparison.Ordinal));
        Assert.Contains("\"overdueLeases\": []", health, StringComparison.Ordinal);
        Assert.Contains("SCHEDULER NODE", status, StringComparison.Ordinal);
        var schedulers = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync();
        Assert.Equal(2, schedulers);
        var triggers = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM qrtz_triggers").SingleAsync();
        Assert.Equal(4, triggers); // one poll trigger per system and the overdue check's, however many nodes started: a second copy would fire too
    }

    [Fact]
    public async Task A_node_cut_off_from_the_database_for_20_seconds_comes_back_without_sending_anything_twice()
    {
        const int Complaints30 = 30;
        await using var database = await ((IDatabaseSource)postgres).CreateEmptyAsync();
        await using var world = new ChainWorld(log, database: database.Options);
        var incidents = Enumerable.Range(1, Complaints30).Select(i => Complaints.BlockedToilet(world.TopDesk, i)).ToList();
        var server = new Npgsql.NpgsqlConnectionStringBuilder(database.Options.ConnectionString);
        await using var line = new DatabaseLine(server.Host!, server.Port);
        var steady = world.StartHub(QuickCluster);
        var cutOff = world.StartAnotherHub(new Dictionary<string, string>(QuickCluster)
        {
            ["Hub__Database__ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(database.Options.ConnectionString) { Port = line.Port }.ConnectionString,
        });
        Assert.True(await steady.WaitUntilStartedAsync(Start), steady.Output);
        Assert.True(await cutOff.WaitUntilStartedAsync(Start), cutOff.Output);
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= Complaints30 / 3, TimeSpan.FromSeconds(90), "a third of the complaints reached the building manager");

        await line.CutAsync(TimeSpan.FromSeconds(20)); // its connections broken, every new one closed as it comes
        await ExplainingAsync(database.Database, () => world.EventuallyAsync(() => incidents.All(i => world.TopDesk.Incident(i.Id).Completed), TimeSpan.FromSeconds(180),
            "every complaint went down the chain and back"));
        await world.EventuallyAsync(async () =>
        {
            await using var db = database.Database.CreateContext();
            return await db.Nodes.CountAsync(n => n.ProcessId == cutOff.Id && n.CheckedInAt > TimeProvider.System.GetUtcNow().AddSeconds(-6)) == 1;
        }, TimeSpan.FromSeconds(30), "the cut-off node checked in again");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (verifyExit, verdict) = await world.RunHubCommandAsync("verify");

        Assert.True(line.Broken > 0, "no connection of the cut-off node was broken");
        Assert.Contains("cannot check in", cutOff.Output, StringComparison.Ordinal);
        Assert.False(cutOff.HasExited, cutOff.Output);
        Assert.Equal(Complaints30, world.Dynamics.Cases.Count);
        Assert.Equal(Complaints30, world.WorkOrders().Count);
        Assert.All(incidents, i => Assert.Single(world.TopDesk.ActionsOf(i.Id), a => !a.InvisibleForCaller && a.PlainText.Contains("Monteur komt", StringComparison.Ordinal)));
        Assert.True(verifyExit == 0, verdict);
    }

    /// <summary>
    /// Runs a wait; when it fails, the failure says what was awaited, then the scheduler's and the outbox's state, so a
    /// stall says where it stuck (in the message itself: the test's log can be cut off where a CI shows only the tail).
    /// </summary>
    private static async Task ExplainingAsync(HubDatabase database, Func<Task> wait, Func<Task<string>>? more = null)
    {
        try
        {
            await wait();
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            var (what, rest) = failure.Message.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0
                ? (failure.Message[..end], failure.Message[(end + 1)..])
                : (failure.Message, string.Empty);
            var extra = more is null ? string.Empty : await more();
            Assert.Fail($"{what}\n{extra}{await ClusterSnapshot.DescribeAsync(database)}{rest}");
        }
    }

    private static async Task<string> NodeIdOfAsync(HubDatabase database, int processId)
    {
        await using var db = database.CreateContext();
        return (await db.Nodes.AsNoTracking().SingleAsync(n => n.ProcessId == processId && n.Host == Environment.MachineName)).NodeId;
    }

    private static async Task<bool> HoldsPendingAsync(HubDatabase database, string nodeId)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending && o.LeasedBy == nodeId && o.LeaseUntil != null);
    }
}
