using System.Globalization;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// The backlog benchmark at each latency asked for (20 ms per call, and 0 ms for the hub's pure overhead, unless one is
/// given), each run as many times as asked; the verdicts are on the medians: the time ratio at 20 ms (aim 1.25) and at
/// 0 ms (aim 4), and the hub's CPU per complaint carried down both hops (aim 5 ms).
/// </summary>
internal static class BacklogSeries
{
    private const double RatioAim = 1.25;
    private const double OverheadRatioAim = 4;
    private const double CpuAimMs = 5;

    public static async Task<bool> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        int[] latencies = arguments.LatencyGiven ? [arguments.LatencyMs] : [arguments.LatencyMs, 0];
        if (arguments.TraceDirectory is { } traces)
        {
            Directory.CreateDirectory(traces);
        }

        var runs = new List<BacklogRun>();
        foreach (var latency in latencies)
        {
            for (var run = 1; run <= arguments.Runs; run++)
            {
                if (arguments.Runs > 1)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {run} of {arguments.Runs}"));
                }

                runs.Add(await BacklogBenchmark.RunAsync(arguments.Incidents, TimeSpan.FromMilliseconds(latency), arguments.Concurrency, arguments.TraceDirectory, arguments.Keep, cancellationToken));
                Console.WriteLine();
            }
        }

        Console.WriteLine(Figures.Invariant($"Backlog summary ({arguments.Runs} run(s) per latency, medians; load average now {Figures.LoadAverage()}):"));
        var met = true;
        foreach (var group in runs.GroupBy(r => r.Latency))
        {
            var finished = group.Where(r => r.Finished).ToList();
            var ratio = Median(finished.Select(r => r.Ratio));
            var cpu = Median(finished.Select(r => r.CpuMsPerComplaint));
            var carried = group.All(r => r.AllCarried);
            var aim = group.Key == TimeSpan.Zero ? OverheadRatioAim : RatioAim;
            var runsText = string.Join(", ", group.Select(r => r.Finished ? r.Ratio.ToString("F2", CultureInfo.InvariantCulture) : Unfinished(r)));
            Console.WriteLine(Figures.Verdict(Figures.Invariant($"{group.Key.TotalMilliseconds:0} ms per call: hub within {aim:0.00}x the tight client"), ratio <= aim && carried,
                $"median ratio {ratio:F2} of {runsText}{(carried ? string.Empty : "; not every complaint was carried down both hops")}"));
            Console.WriteLine(Figures.Verdict(Figures.Invariant($"{group.Key.TotalMilliseconds:0} ms per call: hub CPU per complaint carried down both hops at most {CpuAimMs:0} ms"), cpu <= CpuAimMs,
                $"median {cpu:F1} ms of {string.Join(", ", group.Select(r => r.Finished ? r.CpuMsPerComplaint.ToString("F1", CultureInfo.InvariantCulture) : Unfinished(r)))}"));
            met &= ratio <= aim && carried && cpu <= CpuAimMs;
        }

        return met;
    }

    /// <summary>A run that did not finish, in place of its figure: how far the hub got.</summary>
    private static string Unfinished(BacklogRun run) => Figures.Invariant($"did not finish ({run.Cases} of {run.Incidents} cases)");

    /// <summary>The median; NaN (never met) when there is none, e.g. no run finished.</summary>
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
