using Hub.Abstractions.Mapping;
namespace Hub.Testing;

/// <summary>A mapping that never changes: for tests and tools that load once.</summary>
public sealed class StaticMappingProvider(MappingSet mappings) : IMappingProvider
{
    public MappingSet Current { get; } = mappings;

    public event EventHandler<MappingSet>? Reloaded
    {
        add { }
        remove { }
    }
}
