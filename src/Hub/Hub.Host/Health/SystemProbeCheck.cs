using Hub.Abstractions.Mapping;
using Hub.Engine.Readiness;
using Hub.Engine.Sync;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>
/// One configured system as its adapter sees it, the same checks `hub check` prints (<see cref="SystemReadinessCheck"/>):
/// unhealthy when it cannot be reached or signed in to, or calls to it are paused after repeated failures; degraded
/// when it can be used but a readiness check fails (a missing permission, a mapped value the system lacks). An answer
/// is kept for <see cref="Freshness"/>, so a load balancer probing <c>/health</c> every few seconds does not make the
/// hub sign in to every system as often.
/// </summary>
internal sealed class SystemProbeCheck(string systemName, string adapterType, SystemAdapters adapters, IMappingProvider mappings, SystemProbes probes) : IHealthCheck
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probe = await probes.GetAsync(systemName, Freshness,
            () => SystemReadinessCheck.RunAsync(adapters.Get(systemName), mappings.Current, cancellationToken));
        var readiness = probe.Readiness;
        var data = new Dictionary<string, object>
        {
            ["adapter"] = adapterType,
            ["checkedAt"] = probe.At,
            ["checks"] = readiness.Checks.Select(c => new { name = c.Name, passed = c.Passed, detail = c.Detail, fix = c.Fix }).ToList(),
        };
        if (!readiness.Health.IsHealthy)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, readiness.Health.Detail, data: data);
        }

        var failed = readiness.Failed.ToList();
        return failed.Count == 0
            ? HealthCheckResult.Healthy(readiness.Health.Detail, data)
            : HealthCheckResult.Degraded($"usable, but {string.Join("; ", failed.Select(c => $"{c.Name}: {c.Detail}"))}", data: data);
    }
}
