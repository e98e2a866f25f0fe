using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Cluster;

/// <summary>
/// The nodes on the database (hub_nodes): a node checks in when it starts and on every interval, and signs off when it
/// stops. A killed node's row stays with its last check-in, which is how `hub status` tells it is gone; its row is
/// cleared once it has been silent for a day.
/// </summary>
public sealed class NodeRegistry(HubDatabase database, TimeProvider time)
{
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    public async Task CheckInAsync(HubNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var now = time.GetUtcNow();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.Nodes.Where(n => n.NodeId == node.NodeId)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.CheckedInAt, now), cancellationToken).ConfigureAwait(false);
            if (updated == 0)
            {
                db.Nodes.Add(new HubNodeRecord { NodeId = node.NodeId, Host = node.Host, ProcessId = node.ProcessId, StartedAt = node.StartedAt, CheckedInAt = now });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            var longGone = now - Forgotten;
            await db.Nodes.Where(n => n.CheckedInAt < longGone).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SignOffAsync(HubNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Nodes.Where(n => n.NodeId == node.NodeId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every node on the database, the most recently started first.</summary>
    public async Task<IReadOnlyList<HubNodeRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Nodes.AsNoTracking().OrderByDescending(n => n.StartedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
