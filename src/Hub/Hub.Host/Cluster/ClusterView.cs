using Hub.Engine.Cluster;
using Hub.Engine.Persistence;

namespace Hub.Host.Cluster;

/// <summary>
/// Everything an operator reads about the nodes on one database, for `hub status` and the "cluster" health check: the
/// hub's nodes and their check-ins, Quartz's scheduler nodes and which of them polls which system now, and the leases
/// older than they should be.
/// </summary>
internal sealed record ClusterView(ClusterStatus Hub, IReadOnlyList<PollHolder> Polls, IReadOnlyList<SchedulerNode> Schedulers)
{
    public static async Task<ClusterView> ReadAsync(HubDatabase database, ClusterOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var hub = await ClusterStatus.ReadAsync(database, options, time, cancellationToken);
        var (polls, schedulers) = await PollHolders.ReadAsync(database, cancellationToken);
        return new ClusterView(hub, polls, schedulers);
    }

    /// <summary>The view as /health's data: plain values, no secrets (node ids are host, pid and a random part).</summary>
    public IReadOnlyDictionary<string, object> AsData() => new Dictionary<string, object>
    {
        ["nodes"] = Hub.Nodes.Select(n => new { id = n.NodeId, host = n.Host, pid = n.ProcessId, started = n.StartedAt, lastCheckIn = n.CheckedInAt, lost = n.Lost }).ToList(),
        ["schedulers"] = Schedulers.Select(s => new { instance = s.InstanceId, lastCheckIn = s.CheckedInAt }).ToList(),
        ["polls"] = Polls.Select(p => new { system = p.System, heldBy = p.SchedulerNode, state = p.State, since = p.Since }).ToList(),
        ["overdueLeases"] = Hub.OverdueLeases.Select(l => new { command = l.CommandId, caseId = l.CaseId, system = l.TargetSystem, leasedBy = l.LeasedBy, leaseUntil = l.LeaseUntil }).ToList(),
    };
}
