namespace Hub.Benchmarks.Sync;

/// <summary>Every verdict a benchmark printed in this run (aim, met, measured), for the summary at the end of a table run.</summary>
internal static class VerdictLog
{
    private static readonly List<Verdict> Verdicts = [];

    public static int Count => Verdicts.Count;

    public static void Add(Verdict verdict) => Verdicts.Add(verdict);

    /// <summary>The verdicts printed since <paramref name="count"/> were.</summary>
    public static IReadOnlyList<Verdict> Since(int count) => Verdicts[count..];
}
