using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Hub.Host.Plugins;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Host.Hosting;

/// <summary>Makes one adapter per configured system through the factory its Adapter key names; options are validated here, at start, every system's.</summary>
internal static class SystemAdapterBuilder
{
    /// <summary>The adapters the hub ships (TOPdesk, Dynamics 365, ServiceNow, e-mail), with the options of every system configured for each; one no system uses is known by name only (<see cref="ShippedAdapters"/>).</summary>
    public static IServiceCollection AddShippedAdapters(this IServiceCollection services, IConfiguration configuration) =>
        ShippedAdapters.Add(services, configuration);

    /// <summary>
    /// The shipped adapters and those of the plugins in Hub:PluginsPath (<see cref="AdapterPlugins"/>, itself registered
    /// for `hub check` and `hub status` to list); a plugin that cannot be used is left out here and named by <see cref="ConfigurationProblems"/>.
    /// </summary>
    public static IServiceCollection AddAdapters(this IServiceCollection services, HubConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var plugins = AdapterPlugins.Of(configuration);
        services.TryAddSingleton(plugins);
        services.AddShippedAdapters(configuration.Root);
        plugins.Register(services, configuration.Root);
        return services;
    }

    /// <summary>Every system's adapter; when some cannot be made, one <see cref="HubConfigurationException"/> names every problem of every system.</summary>
    public static SystemAdapters Build(IServiceProvider services, IReadOnlyList<SystemSettings> systems)
    {
        var adapters = new List<ISystemAdapter>();
        var problems = new List<string>();
        foreach (var system in systems)
        {
            try
            {
                adapters.Add(Create(services, system));
            }
            catch (HubConfigurationException refused)
            {
                problems.AddRange(refused.Problems);
            }
        }

        return problems.Count == 0 ? new SystemAdapters(adapters) : throw new HubConfigurationException(problems);
    }

    /// <summary>The adapter of one configured system, as the service makes it.</summary>
    public static ISystemAdapter Create(IServiceProvider services, SystemSettings system) =>
        services.GetRequiredService<AdapterRegistry>().Get(system.Adapter, $"{system.Section.Path}:Adapter").Create(new SystemContext(
            system.Name,
            system.Section,
            services,
            services.GetRequiredService<ILoggerFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IMappingProvider>())
        {
            TextZone = services.GetRequiredService<SyncOptions>().Zone(),
        });
}
