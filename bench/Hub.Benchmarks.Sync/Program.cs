using System.Diagnostics;
using System.Runtime.InteropServices;
using Hub.Benchmarks.Sync;

// Figures for the design's sync performance aims, each against a real `hub` process and simulated systems on
// loopback. One subcommand per aim; each prints its figures and whether the aim was met (exit code 1 when not).
BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

Console.WriteLine($"Hub sync benchmarks on {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
if (File.Exists("/proc/loadavg"))
{
    Console.WriteLine($"Load average at start (1, 5, 15 min): {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (figures from a busy machine are slower)");
}
try
{
    var hub = await MeasuredHub.ChooseAsync(arguments.Jit, cancellation.Token);
    Console.WriteLine($"Hub measured: {hub.Description}");
    Console.WriteLine($"Hub environment: {string.Join("; ", ServiceEnvironment.Apply())}");
    var met = true;
    var outcomes = new List<BenchmarkOutcome>();
    foreach (var benchmark in arguments.Benchmarks)
    {
        Console.WriteLine();
        Console.WriteLine($"== {benchmark}; hub: {hub.Build}");
        var (verdictsBefore, loadAtStart, watch) = (VerdictLog.Count, Figures.LoadAverageOneMinute(), Stopwatch.StartNew());
        met &= benchmark switch
        {
            "webhook" => await WebhookLatencyBenchmark.RunAsync(arguments.Rounds, cancellation.Token),
            "memory" => await SteadyMemoryBenchmark.RunAsync(TimeSpan.FromMinutes(arguments.Minutes), TimeSpan.FromSeconds(arguments.ComplaintEverySeconds), cancellation.Token),
            "backlog" => await BacklogSeries.RunAsync(arguments, cancellation.Token),
            "ratelimit" => await RateLimitBenchmark.RunAsync(arguments.Limit, arguments.Limit * 6 / 5, cancellation.Token),
            "lane" => await LiveLaneBenchmark.RunAsync(arguments.IncidentsGiven ?? 500, arguments.Live, TimeSpan.FromMilliseconds(arguments.LatencyMs), cancellation.Token),
            "requests" => await RequestsPerComplaintBenchmark.RunAsync(arguments.Complaints, cancellation.Token),
            "cluster" => await ClusterBenchmark.RunAsync(arguments.IncidentsGiven ?? 500, TimeSpan.FromMilliseconds(arguments.LatencyMs), arguments.Nodes, cancellation.Token),
            _ => throw new ArgumentException($"Unknown benchmark '{benchmark}'."),
        };
        outcomes.Add(new BenchmarkOutcome(benchmark, loadAtStart, Figures.LoadAverageOneMinute(), watch.Elapsed, VerdictLog.Since(verdictsBefore)));
    }

    if (outcomes.Count > 1)
    {
        RunSummary.Print(hub, outcomes);
    }

    if (File.Exists("/proc/loadavg"))
    {
        Console.WriteLine();
        Console.WriteLine($"Load average at the end (1, 5, 15 min): {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
    }

    return met ? 0 : 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
