using System.Globalization;
using Hub.Simulators.Dynamics;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// Aim: under a rate limit the hub uses at least 90% of what it is allowed and never calls inside a Retry-After
/// penalty. The simulated Dynamics allows R requests per sliding 5-minute window (Dataverse's service protection,
/// answering 429 with Retry-After beyond it) and the hub's facility system is told that limit, as an administrator
/// would configure it. A backlog bigger than one window's worth waits in TOPdesk, so the hub has more to send than
/// it may. Once the hub has used a third of the allowance, Dataverse also throws a short burst of 429s of its own (as under load), so the hub must
/// honour a Retry-After it could not foresee. The run lasts one full window after the hub's first request.
/// </summary>
internal static class RateLimitBenchmark
{
    private const double UtilisationAim = 0.90;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BurstRetryAfter = TimeSpan.FromSeconds(10);

    public static async Task<bool> RunAsync(int limit, int incidents, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Rate limit: Dataverse allows {limit} requests per 5 minutes, {incidents} incidents waiting, a forced burst of 2 x 429 (Retry-After {BurstRetryAfter.TotalSeconds:0} s) once the hub has used a third of the allowance; runs one full window (about 5.5 min)");
        await using var world = new BenchWorld(new DynamicsSimulatorOptions { RequestLimitPerFiveMinutes = limit });
        world.Settings["Hub:Systems:facility:RequestsPerFiveMinutes"] = limit.ToString(CultureInfo.InvariantCulture);
        world.PollIntervals["facility"] = TimeSpan.FromSeconds(15);
        await world.StartHubAsync(cancellationToken);
        var first = world.Dynamics.DataverseRequests.Min(r => r.ArrivedAt);
        for (var i = 0; i < incidents; i++)
        {
            world.LogComplaint(i);
        }

        // the burst comes while the hub is busy sending: once it has used a third of the window's allowance
        while (world.Dynamics.DataverseRequests.Count < limit / 3 && TimeProvider.System.GetUtcNow() < first + Window)
        {
            await Task.Delay(50, cancellationToken);
        }

        var burstAt = TimeProvider.System.GetUtcNow() - first;
        world.Dynamics.ThrottleBurst(2, BurstRetryAfter);
        var windowLeft = first + Window - TimeProvider.System.GetUtcNow();
        await Task.Delay(windowLeft > TimeSpan.Zero ? windowLeft : TimeSpan.Zero, cancellationToken);

        var log = world.Dynamics.DataverseRequests;
        var inWindow = log.Where(r => r.ArrivedAt >= first && r.ArrivedAt < first + Window).ToList();
        var admitted = inWindow.Count(r => r.StatusCode is not 429 and not 401);
        var throttled = log.Where(r => r.StatusCode == 429).ToList();
        var lateness = log
            .Select(r => (Request: r, Penalty: throttled.FirstOrDefault(t => r.ArrivedAt > t.AnsweredAt && r.ArrivedAt < t.AnsweredAt + (t.RetryAfter ?? TimeSpan.Zero))))
            .Where(p => p.Penalty is not null)
            .Select(p => (p.Request.ArrivedAt - p.Penalty!.AnsweredAt).TotalMilliseconds)
            .ToList();
        var insidePenalty = lateness.Count;
        var utilisation = (double)admitted / limit;
        Console.WriteLine($"  hub's first Dataverse request at start-up opens the window; {world.Dynamics.Cases.Count} of {incidents} cases created by its end");
        Console.WriteLine(Figures.Invariant($"  requests the org admitted in that window: {admitted} of {limit} allowed = {utilisation:P1} utilisation (the hub keeps 5% headroom by default)"));
        var retryAfters = string.Join(", ", throttled.Select(t => t.RetryAfter?.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s").Distinct());
        Console.WriteLine(Figures.Invariant($"  burst forced {burstAt.TotalSeconds:F1} s after the window opened; 429 answers: {throttled.Count}{(throttled.Count > 0 ? $" (Retry-After {retryAfters})" : string.Empty)}; calls that arrived inside a Retry-After penalty: {insidePenalty}"));
        if (insidePenalty > 0)
        {
            Console.WriteLine($"  those calls arrived {string.Join(", ", lateness.Select(ms => ms.ToString("0.0", CultureInfo.InvariantCulture)))} ms after the 429 that started their penalty was answered");
        }

        var met = utilisation >= UtilisationAim && insidePenalty == 0;
        Console.WriteLine(Figures.Verdict("at least 90% utilisation and no call inside a penalty", met, $"{utilisation:P1}, {insidePenalty} calls inside a penalty"));
        return met;
    }
}
