namespace Hub.Benchmarks;

/// <summary>What streaming the whole journal cost: rows, time, and memory against the baseline before it started.</summary>
internal sealed record StreamingFigures(
    long Rows,
    TimeSpan Elapsed,
    long BaselineManagedBytes,
    long PeakManagedBytes,
    long BaselineWorkingSetBytes,
    long PeakWorkingSetBytes,
    long ProcessPeakWorkingSetBytes)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
