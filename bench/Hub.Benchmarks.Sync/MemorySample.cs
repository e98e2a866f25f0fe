using System.Globalization;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// One sample the startup hook took inside the hub: working set, live managed bytes, GC heap after the last GC, GC
/// committed, (Linux) the resident memory that is the process's own, of mapped files and shared; and whether the
/// GC runs in server mode.
/// </summary>
internal sealed record MemorySample(DateTimeOffset At, long WorkingSet, long LiveManaged, long HeapAfterLastGc, long GcCommitted,
    long ResidentOwn, long ResidentFiles, long ResidentShared, bool ServerGc)
{
    public static IReadOnlyList<MemorySample> ReadAll(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var samples = new List<MemorySample>();
        foreach (var line in File.ReadAllLines(file))
        {
            var parts = line.Split(',');
            if (parts.Length == 9 && parts.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                var n = parts.Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                samples.Add(new MemorySample(DateTimeOffset.FromUnixTimeMilliseconds(n[0]), n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8] == 1));
            }
        }

        return samples;
    }
}
