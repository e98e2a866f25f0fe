using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>
/// At start, asks every system's adapter once whether it can be reached and used, and logs a warning for each that
/// cannot. It never stops the start: a peer may be down for a while, and polls and the outbox retry until it is back.
/// </summary>
internal static class SystemStartCheck
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(SystemHealthRegistration.Tag), cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hub.Health");
        foreach (var (check, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var system = SystemHealthRegistration.SystemOf(check);
            if (entry.Status == HealthStatus.Healthy)
            {
                logger.LogInformation("{System} at start: {Detail}", system, entry.Description);
            }
            else
            {
                logger.LogWarning("{System} is not usable at start: {Detail}. The hub starts anyway and keeps trying; /health shows when it is back",
                    system, entry.Description);
            }
        }
    }
}
