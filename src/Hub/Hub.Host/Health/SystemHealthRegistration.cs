using Hub.Abstractions.Mapping;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>
/// The health checks of the configured systems: "systems" (each system's polling and queues, from the hub's database)
/// and one per system, "system:&lt;name&gt;", that asks the system's adapter (tagged <see cref="Tag"/>, which the start
/// check runs once).
/// </summary>
internal static class SystemHealthRegistration
{
    public const string Tag = "system";

    /// <summary>Longest wait for one adapter's answer; a system that takes longer counts as unhealthy.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private const string Prefix = "system:";

    public static IServiceCollection AddSystemHealthChecks(this IServiceCollection services, IReadOnlyList<SystemSettings> systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        services.AddSingleton<SystemProbes>();
        var checks = services.AddHealthChecks().AddCheck<SystemHealthCheck>("systems");
        foreach (var system in systems)
        {
            checks.Add(new HealthCheckRegistration(
                Prefix + system.Name,
                provider => new SystemProbeCheck(system.Name, system.Adapter, provider.GetRequiredService<SystemAdapters>(),
                    provider.GetRequiredService<IMappingProvider>(), provider.GetRequiredService<SystemProbes>()),
                HealthStatus.Unhealthy,
                [Tag],
                Timeout));
        }

        return services;
    }

    /// <summary>The system a check registered here is about.</summary>
    public static string SystemOf(string checkName) =>
        checkName.StartsWith(Prefix, StringComparison.Ordinal) ? checkName[Prefix.Length..] : checkName;
}
