namespace Hub.Benchmarks.Sync;

/// <summary>One aim's verdict: the aim in words, whether it was met, and the figure measured.</summary>
internal sealed record Verdict(string Aim, bool Met, string Measured);
