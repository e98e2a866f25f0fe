using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;

namespace Hub.Engine.Readiness;

/// <summary>
/// Whether one system is ready for the hub: its adapter's own checks (reachable, signed in, permissions; an adapter
/// without <see cref="ISystemReadiness"/> answers with its health), then, while the system is usable, per value-mapped
/// field whether every value the mapping uses for the system exists there. What <c>hub check</c> prints and the system's <c>/health</c> check
/// reports.
/// </summary>
public static class SystemReadinessCheck
{
    public const string UsableCheck = "usable";

    public static async Task<SystemReadiness> RunAsync(ISystemAdapter adapter, MappingSet mappings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(mappings);
        if (adapter is not ISystemReadiness readiness)
        {
            var answer = await adapter.CheckHealthAsync(cancellationToken);
            return new SystemReadiness(adapter.SystemName, answer,
                [answer.IsHealthy ? SystemCheck.Pass(UsableCheck, answer.Detail) : SystemCheck.Fail(UsableCheck, answer.Detail, "see the detail; /health shows when it is back")]);
        }

        var checks = new List<SystemCheck>(await readiness.CheckReadinessAsync(cancellationToken));
        // after the checks: a health probe may set things up (the mail adapter makes its missing folders), which the checks report first
        var health = await adapter.CheckHealthAsync(cancellationToken);
        if (health.IsHealthy)
        {
            foreach (var (field, used) in MappedValuesInUse.Of(mappings, adapter.SystemName).Where(f => f.Value.Count > 0))
            {
                if (await MappedValueCheck.RunAsync(readiness, adapter.SystemName, field, used, cancellationToken) is { } check)
                {
                    checks.Add(check);
                }
            }
        }

        return new SystemReadiness(adapter.SystemName, health, checks);
    }
}
