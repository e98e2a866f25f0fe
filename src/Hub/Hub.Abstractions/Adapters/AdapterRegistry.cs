namespace Hub.Abstractions.Adapters;

/// <summary>Finds the factory for an adapter type name, case-insensitively.</summary>
public sealed class AdapterRegistry(IEnumerable<IAdapterFactory> factories)
{
    private readonly Dictionary<string, IAdapterFactory> byType =
        factories.ToDictionary(f => f.AdapterType, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> KnownTypes => byType.Keys;

    public IAdapterFactory Get(string adapterType, string configurationKey) =>
        byType.TryGetValue(adapterType, out var factory)
            ? factory
            : throw new HubConfigurationException(configurationKey,
                $"unknown adapter '{adapterType}'. Use one of: {string.Join(", ", byType.Keys.Order(StringComparer.Ordinal))}.");
}
