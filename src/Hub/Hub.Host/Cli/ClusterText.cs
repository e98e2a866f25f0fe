using System.Globalization;
using Hub.Host.Cluster;

namespace Hub.Host.Cli;

/// <summary>The nodes part of `hub status`: nodes and check-ins, poll holders, overdue leases.</summary>
internal static class ClusterText
{
    public static void Write(TextWriter output, ClusterView view)
    {
        output.WriteLine();
        output.WriteLine($"{"NODE",-40} {"HOST",-20} {"PID",7} {"STARTED",-20} {"LAST CHECK-IN",-20} STATE");
        foreach (var n in view.Hub.Nodes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{TerminalText.Clean(n.NodeId),-40} {TerminalText.Clean(n.Host),-20} {n.ProcessId,7} {Format(n.StartedAt),-20} {Format(n.CheckedInAt),-20} {(n.Lost ? "lost" : "alive")}"));
        }

        if (view.Schedulers.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{"SCHEDULER NODE",-40} LAST CHECK-IN");
            foreach (var s in view.Schedulers)
            {
                output.WriteLine($"{TerminalText.Clean(s.InstanceId),-40} {Format(s.CheckedInAt)}");
            }

            output.WriteLine();
            output.WriteLine(view.Polls.Count == 0 ? "POLLS: none running now (each runs on one scheduler node at a time)" : $"{"POLL OF",-14} {"HELD BY",-40} {"STATE",-10} SINCE");
            foreach (var p in view.Polls)
            {
                output.WriteLine($"{TerminalText.Clean(p.System),-14} {TerminalText.Clean(p.SchedulerNode),-40} {TerminalText.Clean(p.State),-10} {Format(p.Since)}");
            }
        }

        output.WriteLine();
        output.WriteLine(view.Hub.OverdueLeases.Count == 0 ? "LEASES: none older than they should be" : $"{"OVERDUE LEASE",13} {"CASE",-20} {"SYSTEM",-14} {"LEASED BY",-40} LEASE UNTIL");
        foreach (var l in view.Hub.OverdueLeases)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{l.CommandId,13} {TerminalText.Clean(l.CaseId),-20} {TerminalText.Clean(l.TargetSystem),-14} {TerminalText.Clean(l.LeasedBy),-40} {Format(l.LeaseUntil)}"));
        }
    }

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
