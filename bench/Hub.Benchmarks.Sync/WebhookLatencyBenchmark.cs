using System.Diagnostics;
using System.Net;
using Hub.Simulators.Dynamics;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// Aim: a webhook-triggered change reaches the next system within 1 s (p95) when the APIs answer fast. Each round an
/// employee logs a complaint in TOPdesk and TOPdesk calls POST /hooks/servicedesk; the figure is the time from that
/// POST until the simulated Dynamics receives the write that creates the case. The service desk's own poll is set to
/// an hour, so only the webhook can explain the change arriving.
/// </summary>
internal static class WebhookLatencyBenchmark
{
    private const int WarmUpRounds = 3;
    private static readonly TimeSpan Aim = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    public static async Task<bool> RunAsync(int rounds, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Webhook -> next system: {rounds} rounds (+{WarmUpRounds} warm-up), hub as its own process, simulators in this process");
        await using var world = new BenchWorld();
        world.PollIntervals["servicedesk"] = TimeSpan.FromHours(1);
        await world.StartHubAsync(cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var latencies = new List<double>();
        var missed = 0;
        for (var round = 0; round < WarmUpRounds + rounds; round++)
        {
            // land at any phase of the hub's one-second poll ticks and two-second dispatcher tick
            await Task.Delay(Random.Shared.Next(200, 1200), cancellationToken);
            world.LogComplaint(round);
            var sent = TimeProvider.System.GetUtcNow();
            using (var response = await world.PostWebhookAsync(http, "servicedesk", cancellationToken))
            {
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"The hub answered the webhook with {(int)response.StatusCode}, not 202.");
                }
            }

            var write = await WaitForCreateAsync(world.Dynamics, BenchWorld.ComplaintMark(round), cancellationToken);
            if (round < WarmUpRounds)
            {
                continue;
            }

            if (write is null)
            {
                missed++;
                Console.WriteLine($"  round {round}: no case for {BenchWorld.ComplaintMark(round)} in Dynamics after {GiveUpAfter.TotalSeconds:0} s");
            }
            else
            {
                latencies.Add((write.ArrivedAt - sent).TotalMilliseconds);
            }
        }

        if (missed > 0)
        {
            Console.WriteLine("  the hub's last words:\n" + string.Join('\n', world.Hub.Output.Split('\n').TakeLast(15)));
        }

        Console.WriteLine("  measured: webhook POST sent -> simulated Dynamics receives the create of the case (first POST/PATCH to incidents)");
        Console.WriteLine($"  {"",-22} {"count",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        if (latencies.Count > 0)
        {
            Console.WriteLine(LatencySummary.Of("webhook -> Dynamics", latencies).Row());
        }

        if (missed > 0)
        {
            Console.WriteLine($"  {missed} rounds did not reach Dynamics within {GiveUpAfter.TotalSeconds:0} s (counted as missing the aim)");
        }

        var p95 = latencies.Count == 0 ? double.PositiveInfinity : LatencySummary.Of("all", latencies).P95;
        var met = missed == 0 && p95 <= Aim.TotalMilliseconds;
        Console.WriteLine(Figures.Verdict($"p95 within {Aim.TotalMilliseconds:0} ms", met, $"p95 {p95:F0} ms"));
        return met;
    }

    /// <summary>The request that created the complaint's case, once the case exists; null when none came in time.</summary>
    private static async Task<RecordedRequest?> WaitForCreateAsync(DynamicsSimulator dynamics, string mark, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        while (!dynamics.Cases.Any(c => c.Title.Contains(mark, StringComparison.Ordinal)))
        {
            if (waiting.Elapsed > GiveUpAfter)
            {
                return null;
            }

            await Task.Delay(5, cancellationToken);
        }

        return dynamics.DataverseRequests
            .Where(r => r.Method is "POST" or "PATCH" && r.Body?.Contains(mark, StringComparison.Ordinal) == true)
            .MinBy(r => r.ArrivedAt);
    }
}
