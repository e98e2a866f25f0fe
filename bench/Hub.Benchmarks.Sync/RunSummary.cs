namespace Hub.Benchmarks.Sync;

/// <summary>
/// The block at the end of a run of several benchmarks (the issue's table with <c>table</c>): every figure with its
/// aim and verdict, each benchmark's time and its load average (1 min) at start and end, and the hub build measured.
/// </summary>
internal static class RunSummary
{
    public static void Print(MeasuredHub hub, IReadOnlyList<BenchmarkOutcome> outcomes)
    {
        Console.WriteLine();
        Console.WriteLine(Figures.Invariant($"Summary: {outcomes.Count} benchmarks in {outcomes.Sum(o => o.Took.TotalMinutes):F1} min on {Environment.ProcessorCount} cores; hub measured: {hub.Description}"));
        Console.WriteLine($"  {"benchmark",-9} {"load 1 min",-15} {"min",5}  {"verdict",-7}  aim: measured");
        foreach (var outcome in outcomes)
        {
            var load = $"{outcome.LoadAtStart} -> {outcome.LoadAtEnd}";
            var first = true;
            foreach (var verdict in outcome.Verdicts.DefaultIfEmpty())
            {
                var lead = first ? Figures.Invariant($"  {outcome.Name,-9} {load,-15} {outcome.Took.TotalMinutes,5:F1}") : $"  {string.Empty,-9} {string.Empty,-15} {string.Empty,5}";
                Console.WriteLine(verdict is null ? $"{lead}  (no verdict printed)" : $"{lead}  {Figures.Met(verdict.Met),-7}  {verdict.Aim}: {verdict.Measured}");
                first = false;
            }
        }

        var met = outcomes.SelectMany(o => o.Verdicts).Count(v => v.Met);
        Console.WriteLine(Figures.Invariant($"  {met} of {outcomes.Sum(o => o.Verdicts.Count)} aims met"));
    }
}
