using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Cluster;

/// <summary>One node as `hub status` and /health show it: lost when it missed three check-ins (killed, or cut off).</summary>
public sealed record NodeStatus(string NodeId, string Host, int ProcessId, DateTimeOffset StartedAt, DateTimeOffset CheckedInAt, bool Lost);

/// <summary>
/// A lease older than it should be: a pending command whose lease ran out, or whose node is lost, and that no node has
/// taken over yet. Normally none, or none for longer than a tick: a long list means no live node is sending.
/// </summary>
public sealed record OverdueLease(long CommandId, string CaseId, string TargetSystem, string LeasedBy, DateTimeOffset LeaseUntil);

/// <summary>The nodes on the database and the leases that outlived them, read from hub_nodes and the outbox.</summary>
public sealed record ClusterStatus(IReadOnlyList<NodeStatus> Nodes, IReadOnlyList<OverdueLease> OverdueLeases)
{
    private const int MostLeasesShown = 20;

    public static async Task<ClusterStatus> ReadAsync(HubDatabase database, ClusterOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var aliveSince = now - options.LostAfter;
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var nodes = await db.Nodes.AsNoTracking().OrderBy(n => n.StartedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
            var overdue = await db.Outbox.AsNoTracking()
                .Where(o => o.Status == OutboxStatus.Pending && o.LeasedBy != null && o.LeaseUntil != null
                            && (o.LeaseUntil <= now || !db.Nodes.Any(n => n.NodeId == o.LeasedBy && n.CheckedInAt > aliveSince)))
                .OrderBy(o => o.LeaseUntil)
                .Take(MostLeasesShown)
                .Select(o => new OverdueLease(o.Id, o.CaseId, o.TargetSystem, o.LeasedBy!, o.LeaseUntil!.Value))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new ClusterStatus(
                nodes.Select(n => new NodeStatus(n.NodeId, n.Host, n.ProcessId, n.StartedAt, n.CheckedInAt, n.CheckedInAt <= aliveSince)).ToList(),
                overdue);
        }
    }
}
