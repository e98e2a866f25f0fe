using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>
/// One line per system: last good poll, last error, outbox depth and age, dead letters, parked changes. A system
/// whose last good poll is older than three poll intervals (plus a minute) is stalled: unhealthy, not silent.
/// </summary>
internal sealed class SystemHealthCheck(HubDatabase database, IReadOnlyList<SystemSettings> systems, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = await HubStatus.ReadAsync(database, systems.Select(s => s.Name), cancellationToken);
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object>();
        var stalled = new List<string>();
        var degraded = new List<string>();
        foreach (var status in statuses)
        {
            var settings = systems.First(s => s.Name == status.System);
            var limit = settings.PollInterval * 3 + TimeSpan.FromMinutes(1);
            var since = status.LastSuccessfulPollAt is { } at ? now - at : (TimeSpan?)null;
            if (status.LastPollAt is not null && (since is null || since > limit))
            {
                stalled.Add(status.System);
            }

            if (status.DeadLetters > 0 || status.Parked > 0 || status.LastError is not null)
            {
                degraded.Add(status.System);
            }

            data[status.System] = new
            {
                lastPollAt = status.LastPollAt,
                lastSuccessfulPollAt = status.LastSuccessfulPollAt,
                lastError = status.LastError,
                pending = status.Pending,
                oldestPendingSince = status.OldestPendingSince,
                deadLetters = status.DeadLetters,
                parked = status.Parked,
            };
        }

        if (stalled.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"stalled: {string.Join(", ", stalled)}", data: data);
        }

        return degraded.Count > 0
            ? HealthCheckResult.Degraded($"needs attention: {string.Join(", ", degraded)}", data: data)
            : HealthCheckResult.Healthy("all systems polling", data);
    }
}
