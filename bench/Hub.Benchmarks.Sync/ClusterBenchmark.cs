using System.Diagnostics;
using Hub.Engine.Persistence;
using Hub.Testing.Engine;
using Microsoft.EntityFrameworkCore;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// Several nodes on one PostgreSQL database (the tests' private cluster): a backlog of waiting complaints with a fixed
/// latency on every API call, synced by 1, 2 and 3 nodes. Prints per node count the throughput (complaints with their
/// case and work order per second), TOPdesk list polls per minute (a cluster should poll about as often as one node),
/// and, from two nodes on, the takeover time after one node is killed with SIGKILL mid-backlog, and whether anything
/// was created twice. Figures, not a timed test.
/// </summary>
internal static class ClusterBenchmark
{
    private const int AfterKill = 100;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static async Task<bool> RunAsync(int incidents, TimeSpan latency, int mostNodes, CancellationToken cancellationToken)
    {
        Console.WriteLine(Figures.Invariant($"Cluster: {incidents} waiting complaints, {latency.TotalMilliseconds:0} ms per API call, 1 to {mostNodes} nodes on one PostgreSQL database; check-in 2 s"));
        using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var exact = true;
        try
        {
            for (var nodes = 1; nodes <= mostNodes; nodes++)
            {
                exact &= await RunOnceAsync(postgres, nodes, incidents, latency, cancellationToken);
            }
        }
        finally
        {
            await postgres.DisposeAsync();
        }

        Console.WriteLine(Figures.Verdict("every complaint got one case and one work order", exact, $"{(exact ? "none twice" : "see above")}"));
        return exact;
    }

    private static async Task<bool> RunOnceAsync(PostgresServer postgres, int nodes, int incidents, TimeSpan latency, CancellationToken cancellationToken)
    {
        await using var database = await ((IDatabaseSource)postgres).CreateEmptyAsync();
        await using var world = new BenchWorld();
        world.Settings["Hub:Database:Provider"] = "Postgres";
        world.Settings["Hub:Database:ConnectionString"] = database.Options.ConnectionString;
        world.Settings["Hub:Cluster:CheckInInterval"] = "00:00:02";
        world.Settings["Hub:Sync:DispatchLease"] = "00:00:20";
        world.LetContractorAnswer();
        await world.StartHubAsync(cancellationToken);
        for (var i = 1; i < nodes; i++)
        {
            await world.StartAnotherNodeAsync();
        }

        world.AnswerEveryCallAfter(latency);
        world.TopDesk.ClearRequestLog();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < incidents; i++)
        {
            world.LogComplaint(i);
        }

        await UntilAsync(() => world.Dynamics.Cases.Count >= incidents && world.WorkOrders() >= incidents, cancellationToken);
        var elapsed = clock.Elapsed;
        var listPolls = world.TopDesk.Requests.Count(r => r.Method == "GET" && r.Path.TrimEnd('/') == "/tas/api/incidents");
        Console.WriteLine(Figures.Invariant(
            $"  {nodes} node(s): {incidents} complaints in {elapsed.TotalSeconds,6:F1} s = {incidents / elapsed.TotalSeconds,5:F1} per s; TOPdesk list polls {listPolls / elapsed.TotalMinutes,5:F0} per min; load average {Figures.LoadAverage()}"));

        var total = incidents;
        if (nodes > 1)
        {
            for (var i = 0; i < AfterKill; i++)
            {
                world.LogComplaint(incidents + i);
            }

            total += AfterKill;
            await UntilAsync(() => world.Dynamics.Cases.Count >= incidents + AfterKill / 3, cancellationToken);
            var victim = world.OtherNodes[0];
            var victimId = await NodeIdOfAsync(database.Database, victim.Id, cancellationToken);
            victim.Kill();
            var sinceKill = Stopwatch.StartNew();
            var held = await HeldByAsync(database.Database, victimId, cancellationToken);
            await UntilAsync(async () => await HeldByAsync(database.Database, victimId, cancellationToken) == 0, cancellationToken);
            var takeover = sinceKill.Elapsed;
            await UntilAsync(() => world.Dynamics.Cases.Count >= total && world.WorkOrders() >= total, cancellationToken);
            Console.WriteLine(Figures.Invariant(
                $"           killed one node with {held} command(s) leased: taken over after {takeover.TotalSeconds:F1} s; the {AfterKill} more complaints done {sinceKill.Elapsed.TotalSeconds:F1} s after the kill"));
        }

        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // a second send of anything would show up now
        var cases = world.Dynamics.Cases.Count;
        var orders = world.WorkOrders();
        Console.WriteLine($"           cases {cases}, work orders {orders} for {total} complaints");
        return cases == total && orders == total;
    }

    private static async Task UntilAsync(Func<bool> done, CancellationToken cancellationToken) =>
        await UntilAsync(() => Task.FromResult(done()), cancellationToken);

    private static async Task UntilAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        var giveUp = Stopwatch.StartNew();
        while (!await done())
        {
            if (giveUp.Elapsed > GiveUpAfter)
            {
                throw new TimeoutException($"Not done within {GiveUpAfter.TotalMinutes:0} minutes.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<string> NodeIdOfAsync(HubDatabase database, int processId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return (await db.Nodes.AsNoTracking().SingleAsync(n => n.ProcessId == processId && n.Host == Environment.MachineName, cancellationToken)).NodeId;
    }

    private static async Task<int> HeldByAsync(HubDatabase database, string nodeId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending && o.LeasedBy == nodeId && o.LeaseUntil != null, cancellationToken);
    }
}
