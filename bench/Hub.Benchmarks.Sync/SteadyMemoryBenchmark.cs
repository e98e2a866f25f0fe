namespace Hub.Benchmarks.Sync;

/// <summary>
/// Aim: steady memory under 150 MB with three systems configured. The hub runs as its own process with TOPdesk,
/// Dynamics and the contractor's e-mail (pickup folders) configured, polling each every second, while employees log
/// a complaint every few seconds and the contractor answers each work order (accepted, scheduled, done), so every
/// system is read and written. Memory is sampled inside the hub by <see cref="StartupHook"/>; the simulators live in
/// this process and are not counted.
/// </summary>
internal static class SteadyMemoryBenchmark
{
    private const long AimBytes = 150L * 1024 * 1024;
    private static readonly TimeSpan BaselineTime = TimeSpan.FromSeconds(15);

    public static async Task<bool> RunAsync(TimeSpan duration, TimeSpan complaintEvery, CancellationToken cancellationToken)
    {
        Console.WriteLine(Figures.Invariant($"Steady memory: three systems, a complaint every {complaintEvery.TotalSeconds:0.#} s for {duration.TotalMinutes:0.#} min, the contractor answering"));
        var samplesFile = Path.Combine(Path.GetTempPath(), "hub-syncbench-memory-" + Guid.NewGuid().ToString("N")[..10] + ".csv");
        try
        {
            await using var world = new BenchWorld();
            world.LetContractorAnswer();
            await StartMeasuredHubAsync(world, samplesFile, cancellationToken);
            var started = TimeProvider.System.GetUtcNow();
            await Task.Delay(BaselineTime, cancellationToken);
            var trickleStart = TimeProvider.System.GetUtcNow();
            var complaints = 0;
            using (var ticks = new PeriodicTimer(complaintEvery))
            {
                while (TimeProvider.System.GetUtcNow() - trickleStart < duration && await ticks.WaitForNextTickAsync(cancellationToken))
                {
                    world.LogComplaint(complaints++);
                }
            }

            var end = TimeProvider.System.GetUtcNow();
            var samples = MemorySample.ReadAll(samplesFile);
            if (samples.Count == 0)
            {
                throw new InvalidOperationException($"The hub wrote no memory samples to {samplesFile}: the startup hook did not load.\n{world.Hub.Output}");
            }

            Console.WriteLine($"  measured: the hub's own process (pid {world.Hub.Id}, `dotnet {HubProcess.HubDll} run`, {(samples[^1].ServerGc ? "server" : "workstation")} GC), sampled every 0.5 s from inside by a startup hook;");
            Console.WriteLine("            the simulated TOPdesk, Dynamics and contractor run in the benchmark process and are not in these figures");
            Console.WriteLine($"  flow: {complaints} complaints logged; {world.Dynamics.Cases.Count} cases in Dynamics, {world.Dynamics.Cases.Count(c => c.StateCode == 1)} of them resolved; {world.Dynamics.Notes.Count} notes; {world.TopDesk.Requests.Count} TOPdesk and {world.Dynamics.DataverseRequests.Count} Dataverse requests (the latter capped at the simulator's 10,000 kept)");
            var baseline = samples.Where(s => s.At >= started && s.At < trickleStart).ToList();
            var steady = samples.Where(s => s.At >= trickleStart + (end - trickleStart) / 2 && s.At <= end).ToList();
            var whole = samples.Where(s => s.At >= started && s.At <= end).ToList();
            Console.WriteLine($"  {"",-26} {"baseline",10} {"steady median",14} {"peak",10}   (baseline: median of {BaselineTime.TotalSeconds:0} s idle after start; steady: second half of the trickle; peak: whole run)");
            Row("working set", baseline, steady, whole, s => s.WorkingSet);
            Row("  own (RssAnon)", baseline, steady, whole, s => s.ResidentOwn);
            Row("  mapped files (RssFile)", baseline, steady, whole, s => s.ResidentFiles);
            Row("  shared (RssShmem)", baseline, steady, whole, s => s.ResidentShared);
            Row("GC heap after last GC", baseline, steady, whole, s => s.HeapAfterLastGc);
            Row("live managed (estimate)", baseline, steady, whole, s => s.LiveManaged);
            Row("GC committed", baseline, steady, whole, s => s.GcCommitted);
            var steadyWorkingSet = Median(steady, s => s.WorkingSet);
            var peak = whole.Max(s => s.WorkingSet);
            var met = steadyWorkingSet < AimBytes;
            Console.WriteLine(Figures.Verdict("steady working set under 150 MB", met, $"steady median {Figures.Mb(steadyWorkingSet)}, peak {Figures.Mb(peak)}"));
            return met;
        }
        finally
        {
            File.Delete(samplesFile);
        }
    }

    /// <summary>Starts the hub with the startup hook that samples its memory; the hook is set only for that child.</summary>
    private static async Task StartMeasuredHubAsync(BenchWorld world, string samplesFile, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("DOTNET_STARTUP_HOOKS", typeof(StartupHook).Assembly.Location);
        Environment.SetEnvironmentVariable(StartupHook.FileVariable, samplesFile);
        try
        {
            await world.StartHubAsync(cancellationToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_STARTUP_HOOKS", null);
            Environment.SetEnvironmentVariable(StartupHook.FileVariable, null);
        }
    }

    private static void Row(string name, List<MemorySample> baseline, List<MemorySample> steady, List<MemorySample> whole, Func<MemorySample, long> figure) =>
        Console.WriteLine($"  {name,-26} {Figures.Mb(Median(baseline, figure)),10} {Figures.Mb(Median(steady, figure)),14} {Figures.Mb(whole.Max(figure)),10}");

    private static long Median(List<MemorySample> samples, Func<MemorySample, long> figure)
    {
        var sorted = samples.Select(figure).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
