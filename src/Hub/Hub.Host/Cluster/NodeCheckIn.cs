using Hub.Engine.Cluster;

namespace Hub.Host.Cluster;

/// <summary>
/// Keeps this node's row in hub_nodes fresh (the first check-in is made at start, before any work), and removes it when
/// the node stops. A node that misses three check-ins is shown as lost, and the commands it leased are taken over.
/// </summary>
internal sealed class NodeCheckIn(HubNode node, NodeRegistry registry, ClusterOptions options, TimeProvider time, ILogger<NodeCheckIn> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        using var timer = new PeriodicTimer(options.CheckInInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await registry.CheckInAsync(node, stoppingToken);
                    if (failing)
                    {
                        logger.LogInformation("Node {Node} checks in again", node.NodeId);
                        failing = false;
                    }
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    if (!failing)
                    {
                        logger.LogWarning("Node {Node} cannot check in ({Reason}); other nodes take over its leases after {LostAfter}",
                            node.NodeId, failure.Message, options.LostAfter);
                        failing = true;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await registry.SignOffAsync(node, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning("Node {Node} could not sign off ({Reason}); it shows as lost until its row is cleared", node.NodeId, failure.Message);
        }
    }
}
