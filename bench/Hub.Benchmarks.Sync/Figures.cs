using System.Globalization;

namespace Hub.Benchmarks.Sync;

/// <summary>How the benchmarks print their figures: invariant numbers, megabytes, and one verdict line per aim.</summary>
internal static class Figures
{
    /// <summary>The verdict line for an aim; also kept in <see cref="VerdictLog"/> for a table run's summary.</summary>
    public static string Verdict(string aim, bool met, FormattableString measured)
    {
        var verdict = new Verdict(aim, met, measured.ToString(CultureInfo.InvariantCulture));
        VerdictLog.Add(verdict);
        return $"  aim: {aim} -> {Met(met)} ({verdict.Measured})";
    }

    public static string Met(bool met) => met ? "met" : "NOT met";

    public static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The 1, 5 and 15 minute load averages ("3.10, 2.50, 1.90"), or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The 1 minute load average ("3.10"), or "unknown" off Linux.</summary>
    public static string LoadAverageOneMinute() => LoadAverage().Split(',')[0];

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
