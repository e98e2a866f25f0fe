using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>
/// At start, runs every system's health check once (the readiness checks `hub check` prints) and logs a warning for
/// each system that cannot be used and for each check that fails, with its fix. It never stops the start: a peer may
/// be down for a while, and polls and the outbox retry until it is back; /health shows the system degraded meanwhile.
/// </summary>
internal static class SystemStartCheck
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(SystemHealthRegistration.Tag), cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hub.Health");
        var probes = services.GetRequiredService<SystemProbes>();
        foreach (var (check, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var system = SystemHealthRegistration.SystemOf(check);
            if (entry.Status == HealthStatus.Unhealthy)
            {
                logger.LogWarning("{System} is not usable at start: {Detail}. The hub starts anyway and keeps trying; /health shows when it is back",
                    system, entry.Description);
            }
            else
            {
                logger.LogInformation("{System} at start: {Detail}", system, entry.Description);
            }

            foreach (var failed in probes.Last(system)?.Readiness.Failed ?? [])
            {
                logger.LogWarning("{System} check failed: {Check}: {Detail}. Fix: {Fix}", system, failed.Name, failed.Detail, failed.Fix);
            }
        }
    }
}
