using Hub.Abstractions.Adapters;
using System.Collections.Concurrent;

namespace Hub.Testing;

/// <summary>Adapter state held in memory: for tests of one adapter, not for a running hub.</summary>
public sealed class InMemoryAdapterStateStore : IAdapterStateStore
{
    private readonly ConcurrentDictionary<(string System, string Key), string> values = new();

    public Task<string?> GetAsync(string systemName, string key, CancellationToken cancellationToken) =>
        Task.FromResult(values.TryGetValue((systemName, key), out var value) ? value : null);

    public Task SetAsync(string systemName, string key, string value, CancellationToken cancellationToken)
    {
        values[(systemName, key)] = value;
        return Task.CompletedTask;
    }
}
