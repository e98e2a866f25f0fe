using System.Diagnostics;
using System.Runtime.CompilerServices;
using Hub.Engine.Audit;
using Hub.Engine.Persistence;

namespace Hub.Benchmarks;

/// <summary>
/// Streams the whole journal the way `hub log --format csv` does (<see cref="JournalQuery.StreamAsync"/> into
/// <see cref="JournalExport.WriteCsvAsync"/>), written to <see cref="Stream.Null"/>. Every 50,000 rows it forces a
/// full collection and samples live managed memory and the working set.
/// </summary>
internal static class LogStreamBenchmark
{
    private const int SampleEvery = 50_000;

    public static async Task<StreamingFigures> RunAsync(HubDatabase database, CancellationToken cancellationToken)
    {
        var baselineManaged = GC.GetTotalMemory(forceFullCollection: true);
        var baselineWorkingSet = Environment.WorkingSet;
        var peak = new MemoryPeak(baselineManaged, baselineWorkingSet);

        var db = database.CreateContext();
        await using (db)
        {
            var output = new StreamWriter(Stream.Null);
            await using (output)
            {
                var watch = Stopwatch.StartNew();
                var records = Sampled(JournalQuery.StreamAsync(db, JournalFilter.All), peak, cancellationToken);
                var rows = await JournalExport.WriteCsvAsync(records, output, cancellationToken);
                var elapsed = watch.Elapsed;
                using var process = Process.GetCurrentProcess();
                return new StreamingFigures(rows, elapsed, baselineManaged, peak.Managed, baselineWorkingSet, peak.WorkingSet, process.PeakWorkingSet64);
            }
        }
    }

    private static async IAsyncEnumerable<JournalRecord> Sampled(
        IAsyncEnumerable<JournalRecord> records, MemoryPeak peak, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            yield return record;
            if (++count % SampleEvery == 0)
            {
                peak.Sample();
            }
        }
    }

    private sealed class MemoryPeak(long managed, long workingSet)
    {
        public long Managed { get; private set; } = managed;
        public long WorkingSet { get; private set; } = workingSet;

        public void Sample()
        {
            Managed = Math.Max(Managed, GC.GetTotalMemory(forceFullCollection: true));
            WorkingSet = Math.Max(WorkingSet, Environment.WorkingSet);
        }
    }
}
