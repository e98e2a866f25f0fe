using Hub.Abstractions.Adapters;
using Hub.Engine.Sync;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>
/// One configured system as its adapter sees it: reachable, signed in, usable (<see cref="ISystemAdapter.CheckHealthAsync"/>),
/// and whether calls to it are paused after repeated failures. An answer is kept for <see cref="Freshness"/>, so a
/// load balancer probing <c>/health</c> every few seconds does not make the hub sign in to every system as often.
/// </summary>
internal sealed class SystemProbeCheck(string systemName, string adapterType, SystemAdapters adapters, SystemProbes probes) : IHealthCheck
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probe = await probes.GetAsync(systemName, Freshness, () => adapters.Get(systemName).CheckHealthAsync(cancellationToken));
        var data = new Dictionary<string, object>
        {
            ["adapter"] = adapterType,
            ["checkedAt"] = probe.At,
        };
        return probe.Health.IsHealthy
            ? HealthCheckResult.Healthy(probe.Health.Detail, data)
            : new HealthCheckResult(context.Registration.FailureStatus, probe.Health.Detail, data: data);
    }
}
