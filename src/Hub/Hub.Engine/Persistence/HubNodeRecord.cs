namespace Hub.Engine.Persistence;

/// <summary>
/// One running hub process on the database (a node): who it is and when it last said it is alive. Each node checks in
/// on an interval (<c>Hub:Cluster:CheckInInterval</c>); a node that has not checked in for a while is presumed dead and
/// its leases expire on their own. `hub status` and /health list them.
/// </summary>
public sealed class HubNodeRecord
{
    /// <summary>"&lt;host&gt;-&lt;pid&gt;-&lt;6 hex&gt;": unique per start, readable in logs and on outbox leases.</summary>
    public required string NodeId { get; set; }

    public required string Host { get; set; }

    public int ProcessId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset CheckedInAt { get; set; }
}
