using System.Globalization;
using System.Security.Cryptography;

namespace Hub.Engine.Cluster;

/// <summary>
/// This process as one node of the hub: its id (host, pid and a random part, so a restarted process with a reused pid is
/// another node), host, pid and start. The id is written on the outbox rows it leases and in the node registry.
/// </summary>
public sealed record HubNode(string NodeId, string Host, int ProcessId, DateTimeOffset StartedAt)
{
    /// <summary>Room the node registry and the outbox give a node id.</summary>
    public const int MaxIdLength = 100;

    public static HubNode Start(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var host = Environment.MachineName;
        var suffix = string.Create(CultureInfo.InvariantCulture, $"-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
        var id = (host.Length + suffix.Length <= MaxIdLength ? host : host[..(MaxIdLength - suffix.Length)]) + suffix;
        return new HubNode(id, host, Environment.ProcessId, time.GetUtcNow());
    }
}
