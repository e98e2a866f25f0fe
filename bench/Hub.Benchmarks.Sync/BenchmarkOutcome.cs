namespace Hub.Benchmarks.Sync;

/// <summary>One benchmark of a run: its verdicts, how long it took, and the load average (1 min) when it started and ended.</summary>
internal sealed record BenchmarkOutcome(string Name, string LoadAtStart, string LoadAtEnd, TimeSpan Took, IReadOnlyList<Verdict> Verdicts);
