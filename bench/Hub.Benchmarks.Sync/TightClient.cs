using System.Diagnostics;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// The yardstick for the hub's overhead: a client that does nothing but send a given list of API calls, in their
/// order, with at most a given number in flight, through one plain HttpClient; its wall time is what the calls alone cost.
/// </summary>
internal static class TightClient
{
    public static async Task<(TimeSpan Elapsed, IReadOnlyDictionary<int, int> Statuses)> SendAllAsync(IReadOnlyList<ApiCall> calls, int concurrency, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new int[calls.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, calls.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                using var request = calls[i].ToRequest();
                using var response = await http.SendAsync(request, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                statuses[i] = (int)response.StatusCode;
            });
        clock.Stop();
        return (clock.Elapsed, statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()));
    }
}
