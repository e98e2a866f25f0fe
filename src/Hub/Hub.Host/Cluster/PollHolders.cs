using Hub.Engine.Persistence;
using Hub.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Cluster;

/// <summary>Which scheduler node is polling a system now (Quartz's fired triggers: acquired or executing).</summary>
internal sealed record PollHolder(string System, string SchedulerNode, string State, DateTimeOffset Since);

/// <summary>A Quartz scheduler node of the cluster and its last check-in (Quartz's own scheduler state).</summary>
internal sealed record SchedulerNode(string InstanceId, DateTimeOffset CheckedInAt);

/// <summary>
/// Reads, from Quartz's tables on PostgreSQL, which node holds which system's poll and when each scheduler node last
/// checked in; nothing on SQLite (its scheduler lives in the one process) or before the tables exist.
/// </summary>
internal static class PollHolders
{
    public static async Task<(IReadOnlyList<PollHolder> Polls, IReadOnlyList<SchedulerNode> Schedulers)> ReadAsync(HubDatabase database, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return ([], []);
        }

        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var present = await db.Database.SqlQueryRaw<bool>($"SELECT to_regclass('{ClusteredScheduler.TablePrefix}fired_triggers') IS NOT NULL AS \"Value\"")
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            if (!present)
            {
                return ([], []);
            }

            var fired = await db.Database.SqlQueryRaw<FiredRow>(
                    $"SELECT job_name AS \"JobName\", instance_name AS \"InstanceName\", state AS \"State\", fired_time AS \"FiredTime\" FROM {ClusteredScheduler.TablePrefix}fired_triggers WHERE job_name LIKE 'poll-%' ORDER BY job_name")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var schedulers = await db.Database.SqlQueryRaw<SchedulerRow>(
                    $"SELECT instance_name AS \"InstanceName\", last_checkin_time AS \"LastCheckIn\" FROM {ClusteredScheduler.TablePrefix}scheduler_state ORDER BY instance_name")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return (
                fired.Select(f => new PollHolder(JobKeys.SystemOf(f.JobName), f.InstanceName, f.State, Ticks(f.FiredTime))).ToList(),
                schedulers.Select(s => new SchedulerNode(s.InstanceName, Ticks(s.LastCheckIn))).ToList());
        }
    }

    /// <summary>Quartz.NET keeps its times as UTC ticks.</summary>
    private static DateTimeOffset Ticks(long ticks) => new(ticks, TimeSpan.Zero);

    private sealed record FiredRow(string JobName, string InstanceName, string State, long FiredTime);

    private sealed record SchedulerRow(string InstanceName, long LastCheckIn);
}
