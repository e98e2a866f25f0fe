using System.Globalization;

namespace Hub.Benchmarks.Sync;

/// <summary>How the benchmarks print their figures: invariant numbers, megabytes, and one verdict line per aim.</summary>
internal static class Figures
{
    public static string Verdict(string aim, bool met, FormattableString measured) =>
        $"  aim: {aim} -> {(met ? "met" : "NOT met")} ({measured.ToString(CultureInfo.InvariantCulture)})";

    public static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The 1, 5 and 15 minute load averages ("3.10, 2.50, 1.90"), or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
