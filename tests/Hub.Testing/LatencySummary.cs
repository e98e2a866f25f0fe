using System.Globalization;

namespace Hub.Testing;

/// <summary>Count, p50, p95, p99 and max of a set of timings in milliseconds (nearest-rank percentiles).</summary>
public sealed record LatencySummary(string Name, int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(string name, IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(name, sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"  {Name,-22} {Count,6} {P50,8:F2} {P95,8:F2} {P99,8:F2} {Max,8:F2}");

    public static string Header => $"  {"reference kind",-22} {"count",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}";

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
