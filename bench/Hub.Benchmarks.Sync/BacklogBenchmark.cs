using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// Aim: syncing a backlog of waiting incidents takes at most 1.25x the time a tight client needs for the same API
/// calls at the same concurrency. N complaints wait in the simulated TOPdesk; both simulators answer every call after
/// a fixed latency, so the APIs dominate. One webhook starts the hub's poll; the hub's time runs from that POST to
/// the answer of the last call it made. Then <see cref="TightClient"/> sends exactly the calls the simulators
/// recorded from the hub (same count, same order, as many in flight as the hub's dispatcher is allowed) and its time
/// is the yardstick.
/// </summary>
internal static class BacklogBenchmark
{
    private const int WarmUpComplaints = 10;
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    /// <summary>Nothing new at either simulator or in the pickup folder for this long, and not done: the hub is not going to finish.</summary>
    private static readonly TimeSpan GiveUpWhenIdle = TimeSpan.FromSeconds(60);

    public static async Task<BacklogRun> RunAsync(int incidents, TimeSpan latency, int concurrency, string? traceDirectory, bool keep, CancellationToken cancellationToken)
    {
        Console.WriteLine(Figures.Invariant($"Backlog: {incidents} waiting incidents, {latency.TotalMilliseconds:0} ms per API call, dispatch concurrency {concurrency}; load average {Figures.LoadAverage()}"));
        await using var world = new BenchWorld { Keep = keep };
        foreach (var system in new[] { "servicedesk", "facility", "contractor" })
        {
            world.PollIntervals[system] = TimeSpan.FromHours(1); // after the first polls at start, only the webhook makes the hub read
        }

        world.Settings["Hub:Sync:DispatchConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture);
        await world.StartHubAsync(cancellationToken);
        world.AnswerEveryCallAfter(latency);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        // warm-up: a few complaints through the whole path first, so the backlog does not pay for JIT and query compilation
        for (var i = 0; i < WarmUpComplaints; i++)
        {
            world.LogComplaint(incidents + i);
        }

        using var hubProcess = Process.GetProcessById(world.Hub.Id);
        await SendWebhookAsync(world, http, cancellationToken);
        var warmUp = await WaitUntilQuietAsync(world, hubProcess, WarmUpComplaints, cancellationToken);
        if (!warmUp.Finished)
        {
            Console.WriteLine($"  the warm-up did not finish: {warmUp.Stop}");
            await UnfinishedRun.PrintAsync(world, WarmUpComplaints, cancellationToken);
            world.Keep = true;
            throw new InvalidOperationException($"The hub did not carry the {WarmUpComplaints} warm-up complaints down both hops.");
        }

        for (var i = 0; i < incidents; i++)
        {
            world.LogComplaint(i);
        }

        world.TopDesk.ClearRequestLog();
        world.Dynamics.ClearRequestLog();
        var workOrdersBefore = world.WorkOrders();
        await using var trace = traceDirectory is null ? null
            : await HubCpuTrace.StartAsync(world.Hub.Id, Path.Combine(traceDirectory, Figures.Invariant($"backlog-{incidents}-{latency.TotalMilliseconds:0}ms-{TimeProvider.System.GetUtcNow():HHmmss}.nettrace")), cancellationToken);
        hubProcess.Refresh();
        var cpuBefore = hubProcess.TotalProcessorTime;
        var start = TimeProvider.System.GetUtcNow();
        await SendWebhookAsync(world, http, cancellationToken);
        var (calls, cpuAtLastWork, finished, stop) = await WaitUntilQuietAsync(world, hubProcess, WarmUpComplaints + incidents, cancellationToken);
        var hubElapsed = calls.Count == 0 ? TimeSpan.Zero : calls[^1].At - start;
        await WriteCallsAsync(world, calls, start, cancellationToken);
        var hubCpu = cpuAtLastWork - cpuBefore; // up to the last call or work order the hub made, not the quiet wait after it
        if (trace is not null)
        {
            await trace.StopAsync(cancellationToken);
        }

        var cases = world.Dynamics.Cases.Count - WarmUpComplaints;
        var workOrders = world.WorkOrders() - workOrdersBefore;
        var carried = Math.Min(cases, workOrders); // down both hops: a case at the building manager and a work order at the contractor
        var dynamicsConcurrency = world.Dynamics.MaxConcurrentRequests;
        if (!finished)
        {
            Console.WriteLine(Figures.Invariant($"  DID NOT FINISH: {stop}; {cases} of {incidents} cases created in Dynamics, {workOrders} work orders to the contractor, {calls.Count} calls"));
            Console.WriteLine($"  calls it made: {Kinds(calls)}");
            PrintTimeline(calls, start);
            await UnfinishedRun.PrintAsync(world, WarmUpComplaints + incidents, cancellationToken);
            world.Keep = true;
            Console.WriteLine(Figures.Invariant($"  no time ratio for this run (the tight client is not run); hub CPU {hubCpu.TotalSeconds:F2} s; load average at the end {Figures.LoadAverage()}"));
            return new BacklogRun(latency, double.NaN, double.NaN, false, cases, incidents);
        }

        await TightClient.SendAllAsync(calls.Where(c => c.Method == HttpMethod.Get).Take(2).ToList(), 1, cancellationToken); // warm-up: reads only
        var (tightElapsed, statuses) = await TightClient.SendAllAsync(calls, concurrency, cancellationToken);

        var ratio = hubElapsed / tightElapsed;
        var cpuPerComplaint = carried == 0 ? double.NaN : hubCpu.TotalMilliseconds / carried;
        Console.WriteLine($"  hub: {cases} of {incidents} cases created in Dynamics, {workOrders} work orders to the contractor; calls it made: {Count(calls, "TOPdesk")} TOPdesk + {Count(calls, "Dynamics")} Dataverse = {calls.Count} ({Kinds(calls)})");
        Console.WriteLine(Figures.Invariant($"  hub time (webhook POST -> answer to its last call):      {hubElapsed.TotalSeconds,7:F2} s   most Dataverse calls in flight at once: {dynamicsConcurrency}; hub CPU {hubCpu.TotalSeconds:F2} s"));
        Console.WriteLine(Figures.Invariant($"  tight client (same {calls.Count} calls, in order, {concurrency} in flight): {tightElapsed.TotalSeconds,7:F2} s   answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}"));
        Console.WriteLine(Figures.Invariant($"  floor (calls x latency / concurrency):                   {calls.Count * latency.TotalSeconds / concurrency,7:F2} s"));
        Console.WriteLine(Figures.Invariant($"  hub CPU per complaint carried down both hops:            {cpuPerComplaint,7:F1} ms ({hubCpu.TotalMilliseconds:F0} ms / {carried} complaints)"));
        PrintTimeline(calls, start);
        if (latency > TimeSpan.Zero)
        {
            CallsInFlight.Of(calls, start, latency, concurrency).Print(concurrency);
        }

        Console.WriteLine(Figures.Invariant($"  ratio hub / tight client: {ratio:F2}; load average at the end {Figures.LoadAverage()}"));
        return new BacklogRun(latency, ratio, cpuPerComplaint, cases == incidents && workOrders == incidents, cases, incidents);
    }

    private static async Task SendWebhookAsync(BenchWorld world, HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await world.PostWebhookAsync(http, "servicedesk", cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The hub answered the webhook with {(int)response.StatusCode}, not 202.");
        }
    }

    /// <summary>
    /// Waits until every complaint has its case and its work order and no call has come in for a while; returns the
    /// hub's calls in order, the hub's CPU time when it last made one (or sent a work order), and whether it finished:
    /// not when nothing has happened for <see cref="GiveUpWhenIdle"/> or the whole wait took <see cref="GiveUpAfter"/>
    /// (then the reason to stop waiting).
    /// </summary>
    private static async Task<(List<ApiCall> Calls, TimeSpan CpuAtLastWork, bool Finished, string Stop)> WaitUntilQuietAsync(BenchWorld world, Process hub, int cases, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        var seen = -1;
        var quietSince = Stopwatch.StartNew();
        var cpuAtLastWork = TimeSpan.Zero;
        var (finished, stop) = (false, Figures.Invariant($"still busy after {GiveUpAfter.TotalMinutes:0} min"));
        while (waiting.Elapsed < GiveUpAfter)
        {
            await Task.Delay(250, cancellationToken);
            var count = world.TopDesk.Requests.Count + world.Dynamics.DataverseRequests.Count + world.WorkOrders();
            var done = world.Dynamics.Cases.Count >= cases && world.WorkOrders() >= cases;
            if (count != seen)
            {
                (seen, quietSince) = (count, Stopwatch.StartNew());
                hub.Refresh();
                cpuAtLastWork = hub.TotalProcessorTime;
            }
            else if (quietSince.Elapsed >= Quiet && done)
            {
                (finished, stop) = (true, "done");
                break;
            }
            else if (quietSince.Elapsed >= GiveUpWhenIdle)
            {
                stop = Figures.Invariant($"the hub made no call and sent no work order for {GiveUpWhenIdle.TotalSeconds:0} s ({waiting.Elapsed.TotalSeconds:F0} s after the webhook)");
                break;
            }
        }

        var calls = world.TopDesk.Requests.Select(r => ApiCall.From(world.TopDesk, r))
            .Concat(world.Dynamics.DataverseRequests.Select(r => ApiCall.From(world.Dynamics, r)))
            .OrderBy(c => c.At)
            .ToList();
        return (calls, cpuAtLastWork, finished, stop);
    }

    /// <summary>The measured calls into calls.csv in the run's folder (kept with --keep or when the run did not finish): seconds after the webhook, system, method, resource.</summary>
    private static async Task WriteCallsAsync(BenchWorld world, List<ApiCall> calls, DateTimeOffset start, CancellationToken cancellationToken) =>
        await File.WriteAllLinesAsync(Path.Combine(world.Folder, "calls.csv"),
            ["seconds,system,method,resource", .. calls.Select(c => Figures.Invariant($"{(c.At - start).TotalSeconds:F4},{c.System},{c.Method},{Resource(c.Url)}"))],
            cancellationToken);

    private static void PrintTimeline(List<ApiCall> calls, DateTimeOffset start)
    {
        Console.WriteLine("  timeline of the hub's calls, seconds after the webhook POST (first - last answered):");
        foreach (var kind in calls.GroupBy(c => $"{c.System} {c.Method} {Resource(c.Url)}"))
        {
            Console.WriteLine(Figures.Invariant($"    {kind.Key,-32} x{kind.Count(),-5} {(kind.Min(c => c.At) - start).TotalSeconds,6:F2} - {(kind.Max(c => c.At) - start).TotalSeconds,6:F2}"));
        }
    }

    private static int Count(List<ApiCall> calls, string system) => calls.Count(c => c.System == system);

    private static string Kinds(List<ApiCall> calls) =>
        string.Join(", ", calls.GroupBy(c => $"{c.System} {c.Method} {Resource(c.Url)}").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x{g.Count()}"));

    /// <summary>The kind of resource a call is about, without ids: "incidents", "annotations", "tas/api/incidents".</summary>
    private static string Resource(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = segments.Length == 0 ? string.Empty : segments[^1];
        var paren = last.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? last[..paren] : Guid.TryParse(last, out _) || last.StartsWith("I ", StringComparison.Ordinal) ? "{id}" : last;
    }
}
