using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Sync;
using Hub.Host.Configuration;

namespace Hub.Host.Hosting;

/// <summary>Makes one adapter per configured system through the factory its Adapter key names; options are validated here, at start.</summary>
internal static class SystemAdapterBuilder
{
    public static SystemAdapters Build(IServiceProvider services, IReadOnlyList<SystemSettings> systems)
    {
        var registry = services.GetRequiredService<AdapterRegistry>();
        var adapters = systems.Select(system =>
            registry.Get(system.Adapter, $"{system.Section.Path}:Adapter").Create(new SystemContext(
                system.Name,
                system.Section,
                services,
                services.GetRequiredService<ILoggerFactory>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<IMappingProvider>())
            {
                TextZone = services.GetRequiredService<SyncOptions>().Zone(),
            }));
        return new SystemAdapters(adapters.ToList());
    }
}
