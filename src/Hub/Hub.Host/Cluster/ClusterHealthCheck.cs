using Hub.Engine.Cluster;
using Hub.Engine.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Cluster;

/// <summary>
/// "cluster" in /health: the nodes (id, host, last check-in, lost), who polls which system now, and leases older than
/// they should be. Degraded while a lease has outlived its node or its time and nobody took it over: sending is stuck.
/// </summary>
internal sealed class ClusterHealthCheck(HubDatabase database, ClusterOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var view = await ClusterView.ReadAsync(database, options, time, cancellationToken);
        var live = view.Hub.Nodes.Count(n => !n.Lost);
        var description = $"{live} live node(s) of {view.Hub.Nodes.Count}";
        return view.Hub.OverdueLeases.Count > 0
            ? HealthCheckResult.Degraded($"{description}; {view.Hub.OverdueLeases.Count} lease(s) older than they should be", data: view.AsData())
            : HealthCheckResult.Healthy(description, view.AsData());
    }
}
