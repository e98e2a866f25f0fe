using System.Runtime.CompilerServices;
using Hub.Adapters.Dynamics;
using Hub.Adapters.Email;
using Hub.Adapters.ServiceNow;
using Hub.Adapters.TopDesk;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Host.Hosting;

/// <summary>
/// The adapters the hub ships (TOPdesk, Dynamics 365, ServiceNow, e-mail). Each is registered only when a system names
/// it: registering one loads its assembly and the packages it brings (MimeKit, MSAL, Refit clients), which then stay
/// mapped for the process's life although no system uses them (docs/performance/load-less-2.md). The others are still
/// known by name, so "unknown adapter" still lists all four and a plugin still cannot take a shipped adapter's name.
/// </summary>
internal static class ShippedAdapters
{
    /// <summary>The Adapter values of the shipped adapters: constants, asked for without loading any adapter assembly.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        TopDeskServiceCollectionExtensions.AdapterType,
        DynamicsServiceCollectionExtensions.AdapterType,
        ServiceNowServiceCollectionExtensions.AdapterType,
        EmailServiceCollectionExtensions.AdapterType,
    ];

    /// <summary>Registers every shipped adapter some system in <paramref name="configuration"/> uses; the others only by name (<see cref="ShippedAdapterNotInUse"/>).</summary>
    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<AdapterRegistry>(); // also when no system uses a shipped adapter (only plugins, or none)
        var inUse = configuration.GetSection(SystemKeys.Section).GetChildren()
            .Select(system => system[SystemKeys.AdapterSetting])
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var type in Types)
        {
            if (inUse.Contains(type))
            {
                Register(services, configuration, type);
            }
            else if (!services.Any(d => d.ImplementationInstance is ShippedAdapterNotInUse known && known.AdapterType == type))
            {
                services.AddSingleton<IAdapterFactory>(new ShippedAdapterNotInUse(type)); // once, as AddSystemAdapter registers once
            }
        }

        return services;
    }

    // Each adapter's registration sits in a method of its own, never inlined: a method that mentions an adapter's types
    // loads that adapter's assembly when it is compiled, whichever branch runs.
    private static void Register(IServiceCollection services, IConfiguration configuration, string type)
    {
        switch (type)
        {
            case TopDeskServiceCollectionExtensions.AdapterType:
                AddTopDesk(services, configuration);
                break;
            case DynamicsServiceCollectionExtensions.AdapterType:
                AddDynamics(services, configuration);
                break;
            case ServiceNowServiceCollectionExtensions.AdapterType:
                AddServiceNow(services, configuration);
                break;
            case EmailServiceCollectionExtensions.AdapterType:
                AddEmail(services, configuration);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a shipped adapter");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddTopDesk(IServiceCollection services, IConfiguration configuration) => services.AddTopDeskAdapter(configuration);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddDynamics(IServiceCollection services, IConfiguration configuration) => services.AddDynamicsAdapter(configuration);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddServiceNow(IServiceCollection services, IConfiguration configuration) => services.AddServiceNowAdapter(configuration);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddEmail(IServiceCollection services, IConfiguration configuration) => services.AddEmailAdapter(configuration);
}
