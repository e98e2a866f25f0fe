using Hub.Abstractions.Adapters;

namespace Hub.Engine.Sync;

/// <summary>The adapters of the configured systems, by system name.</summary>
public sealed class SystemAdapters(IEnumerable<ISystemAdapter> adapters)
{
    private readonly Dictionary<string, ISystemAdapter> byName =
        adapters.ToDictionary(a => a.SystemName, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => byName.Keys;

    public IEnumerable<ISystemAdapter> All => byName.Values;

    public bool TryGet(string systemName, out ISystemAdapter adapter) => byName.TryGetValue(systemName, out adapter!);

    public ISystemAdapter Get(string systemName) =>
        byName.TryGetValue(systemName, out var adapter)
            ? adapter
            : throw new InvalidOperationException($"No system named '{systemName}' is configured (Hub:Systems:{systemName}).");
}
