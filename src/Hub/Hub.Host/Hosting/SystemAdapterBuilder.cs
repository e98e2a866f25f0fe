using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;
using Hub.Engine.Sync;
using Hub.Host.Configuration;

namespace Hub.Host.Hosting;

/// <summary>Makes one adapter per configured system through the factory its Adapter key names; options are validated here, at start, every system's.</summary>
internal static class SystemAdapterBuilder
{
    /// <summary>Every system's adapter; when some cannot be made, one <see cref="HubConfigurationException"/> names every problem of every system.</summary>
    public static SystemAdapters Build(IServiceProvider services, IReadOnlyList<SystemSettings> systems)
    {
        var registry = services.GetRequiredService<AdapterRegistry>();
        var adapters = new List<ISystemAdapter>();
        var problems = new List<string>();
        foreach (var system in systems)
        {
            try
            {
                adapters.Add(registry.Get(system.Adapter, $"{system.Section.Path}:Adapter").Create(new SystemContext(
                    system.Name,
                    system.Section,
                    services,
                    services.GetRequiredService<ILoggerFactory>(),
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<IMappingProvider>())
                {
                    TextZone = services.GetRequiredService<SyncOptions>().Zone(),
                }));
            }
            catch (HubConfigurationException refused)
            {
                problems.AddRange(refused.Problems);
            }
        }

        return problems.Count == 0 ? new SystemAdapters(adapters) : throw new HubConfigurationException(problems);
    }
}
