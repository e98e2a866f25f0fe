using System.Collections.Concurrent;
using Hub.Engine.Readiness;

namespace Hub.Host.Health;

/// <summary>The last readiness of each system (its adapter's health and checks), and when it came (the hub's clock).</summary>
internal sealed class SystemProbes(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Probe> last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last answer while it is younger than <paramref name="freshness"/>; otherwise asks again and keeps the answer.</summary>
    public async Task<Probe> GetAsync(string systemName, TimeSpan freshness, Func<Task<SystemReadiness>> probe)
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

    /// <summary>The last answer of a system, however old; null before its first probe.</summary>
    public Probe? Last(string systemName) => last.TryGetValue(systemName, out var known) ? known : null;

    public sealed record Probe(SystemReadiness Readiness, DateTimeOffset At);
}
