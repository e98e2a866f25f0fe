using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Hub.Benchmarks;
using Hub.Engine.Persistence;
using Microsoft.Data.Sqlite;

// Figures for two of the design's performance aims: `hub trace` within 50 ms over a million journal entries,
// and `hub log` streaming with flat memory. Builds its own SQLite correlation log in a temp folder and removes it.
const int LookupsPerKind = 500;
const double TraceAimMs = 50;

BenchSize size;
try
{
    size = BenchSize.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var folder = size.Keep ?? Path.Combine(Path.GetTempPath(), "hub-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    Console.WriteLine(Invariant($"Hub benchmarks on {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
    Console.WriteLine(Invariant($"Journal: {size.Entries:N0} entries over {size.Cases:N0} cases, 3 links per case, SQLite in {folder}"));

    var seededBefore = size.Keep is not null && File.Exists(Path.Combine(folder, "bench.db"));
    var database = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=bench.db" }, folder);
    if (seededBefore)
    {
        Console.WriteLine("Timing the journal seeded there before (--keep); --entries and --cases must be the ones it was seeded with.");
    }
    else
    {
        Console.WriteLine($"Load average before seeding (1, 5, 15 min): {LoadAverage()}");
        await database.MigrateAsync(cancellation.Token);
        var seedingCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var seeding = JournalSeeder.Seed(database.DataSource, size, written => Console.WriteLine(Invariant($"  {written:N0} entries written ({LoadAverage()})")), cancellation.Token);
        seedingCpu = Process.GetCurrentProcess().TotalProcessorTime - seedingCpu;
        Console.WriteLine(Invariant($"Seeded in {seeding.Total.TotalSeconds:F1} s: rows with their hash chain {seeding.Rows.TotalSeconds:F1} s, then {seeding.IndexCount} indexes {seeding.Indexes.TotalSeconds:F1} s; CPU {seedingCpu.TotalSeconds:F1} s; load average {LoadAverage()}"));
        var verdict = await SeededJournalCheck.VerifyAsync(database, cancellation.Token);
        Console.WriteLine(Invariant($"hub verify's check (JournalVerifier, no keys): intact, {verdict.Entries:N0} entries in {verdict.Elapsed.TotalSeconds:F1} s"));
    }

    Console.WriteLine($"Load average before timing (1, 5, 15 min): {LoadAverage()} (figures from a busy machine are slower)");
    Console.WriteLine();

    var lookups = Math.Min(LookupsPerKind, size.Cases);
    Console.WriteLine(Invariant($"hub trace: CaseFinder + CaseTraceQuery, fresh context per lookup, {lookups} random references per kind after a warm-up"));
    Console.WriteLine(LatencySummary.Header);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var summaries = await TraceBenchmark.RunAsync(database, size.Cases, lookups, TimeProvider.System, cancellation.Token);
    var cpuPerLookup = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / (TraceBenchmark.WarmUpLookups + (4 * lookups));
    foreach (var summary in summaries)
    {
        Console.WriteLine(summary.Row());
    }

    var overall = summaries[^1];
    Console.WriteLine(Invariant($"  CPU of this process per lookup, warm-up included: {cpuPerLookup:F2} ms (what a busy machine does not change; the latencies above wait for a core too)"));
    Console.WriteLine(Invariant($"  aim: p95 within {TraceAimMs} ms -> {(overall.P95 <= TraceAimMs ? "met" : "NOT met")} (p95 {overall.P95:F2} ms); load average after: {LoadAverage()}"));
    Console.WriteLine();
    if (size.TraceOnly)
    {
        return 0;
    }

    Console.WriteLine("hub log: JournalQuery.StreamAsync into JournalExport.WriteCsvAsync, written to Stream.Null");
    var stream = await LogStreamBenchmark.RunAsync(database, cancellation.Token);
    Console.WriteLine(Invariant($"  rows {stream.Rows:N0} in {stream.Elapsed.TotalSeconds:F1} s = {stream.RowsPerSecond:N0} entries/s (includes a forced full GC every 50,000 rows)"));
    Console.WriteLine(Invariant($"  managed heap after full GC: baseline {Mb(stream.BaselineManagedBytes)}, peak while streaming {Mb(stream.PeakManagedBytes)} (+{Mb(stream.PeakManagedBytes - stream.BaselineManagedBytes)})"));
    Console.WriteLine(Invariant($"  working set: baseline {Mb(stream.BaselineWorkingSetBytes)}, peak sampled while streaming {Mb(stream.PeakWorkingSetBytes)}; process peak {Mb(stream.ProcessPeakWorkingSetBytes)} (seeding included)"));
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
finally
{
    SqliteConnection.ClearAllPools();
    if (size.Keep is null)
    {
        Directory.Delete(folder, recursive: true);
    }
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB";
