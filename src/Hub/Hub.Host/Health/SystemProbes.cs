using System.Collections.Concurrent;
using Hub.Abstractions.Adapters;

namespace Hub.Host.Health;

/// <summary>The last answer of each system's adapter to a health probe, and when it came (the hub's clock).</summary>
internal sealed class SystemProbes(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Probe> last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last answer while it is younger than <paramref name="freshness"/>; otherwise asks again and keeps the answer.</summary>
    public async Task<Probe> GetAsync(string systemName, TimeSpan freshness, Func<Task<AdapterHealth>> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var now = time.GetUtcNow();
        if (last.TryGetValue(systemName, out var known) && now - known.At < freshness)
        {
            return known;
        }

        var fresh = new Probe(await probe(), time.GetUtcNow());
        last[systemName] = fresh;
        return fresh;
    }

    public sealed record Probe(AdapterHealth Health, DateTimeOffset At);
}
