namespace Hub.Benchmarks.Sync;

/// <summary>
/// Aim: API requests per complaint over its life within 2x what a tight client needs. The hub runs as its own process
/// polling TOPdesk, Dynamics and the contractor's pickup folder every second; employees log N complaints at once and the
/// contractor answers each work order (accepted, scheduled, done), so every complaint is forwarded down the chain, gets
/// two replies and is closed. Every request the simulated TOPdesk and Dynamics (with its token endpoint) receive from
/// the first complaint until one TOPdesk poll overlap after the last is closed is counted per kind (the pickup folder
/// costs no API request). The tight client's minimum is worked out in <see cref="TightClientMinimum"/>.
/// </summary>
internal static class RequestsPerComplaintBenchmark
{
    private const double Aim = 2.0;
    private static readonly TimeSpan LifeDeadline = TimeSpan.FromMinutes(4);

    /// <summary>The hub's TOPdesk poll overlap (its default): re-reads after a complaint's last change happen within it.</summary>
    private static readonly TimeSpan Tail = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5);

    public static async Task<bool> RunAsync(int complaints, CancellationToken cancellationToken)
    {
        Console.WriteLine($"API requests per complaint: {complaints} complaints logged at once, each forwarded, answered twice and closed; every system polled each second");
        await using var world = new BenchWorld();
        world.LetContractorAnswer();
        await world.StartHubAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // the first polls' look-ups (statuses, operators) are behind us
        world.TopDesk.ClearRequestLog();
        world.Dynamics.ClearRequestLog();

        var start = TimeProvider.System.GetUtcNow();
        var logged = Enumerable.Range(0, complaints).Select(world.LogComplaint).ToList();
        while (!logged.All(i => world.TopDesk.Incidents.Single(t => t.Id == i.Id).Completed))
        {
            if (TimeProvider.System.GetUtcNow() - start > LifeDeadline)
            {
                throw new TimeoutException($"Not every complaint was closed in TOPdesk within {LifeDeadline.TotalMinutes:0} min:\n{world.Hub.Output}");
            }

            await Task.Delay(250, cancellationToken);
        }

        var closed = TimeProvider.System.GetUtcNow();
        Console.WriteLine(Figures.Invariant($"  every complaint closed in TOPdesk after {(closed - start).TotalSeconds:0.0} s; counting on for {Tail.TotalSeconds:0} s (the TOPdesk poll overlap, in which a change is read again)"));
        await Task.Delay(Tail, cancellationToken);
        var end = TimeProvider.System.GetUtcNow();

        var kinds = world.TopDesk.Requests.Select(RequestKind.Of)
            .Concat(world.Dynamics.Requests.Select(RequestKind.Of))
            .GroupBy(k => k)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var minimum = TightClientMinimum.For(complaints, end - start, kinds);
        Console.WriteLine($"  {"request kind",-58} {"hub",8} {"per complaint",14} {"tight client",13}");
        foreach (var (kind, count) in kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Figures.Invariant($"  {kind,-58} {count,8} {count / (double)complaints,14:0.0} {minimum.Of(kind) / complaints,13:0.0}"));
        }

        foreach (var (kind, needed) in minimum.Kinds.Where(k => !kinds.ContainsKey(k.Key)))
        {
            Console.WriteLine(Figures.Invariant($"  {kind,-58} {0,8} {0,14:0.0} {needed / complaints,13:0.0}"));
        }

        var total = kinds.Values.Sum();
        var perComplaint = total / (double)complaints;
        var neededPerComplaint = minimum.Total / complaints;
        Console.WriteLine(Figures.Invariant($"  {"all",-58} {total,8} {perComplaint,14:0.0} {neededPerComplaint,13:0.0}   over {(end - start).TotalSeconds:0} s"));
        foreach (var line in TightClientMinimum.Explanation)
        {
            Console.WriteLine("  " + line);
        }

        var ratio = perComplaint / neededPerComplaint;
        var met = ratio <= Aim;
        Console.WriteLine(Figures.Verdict("API requests per complaint within 2x a tight client's", met, $"{perComplaint:0.0} against {neededPerComplaint:0.0}, ratio {ratio:0.00}"));
        return met;
    }
}
