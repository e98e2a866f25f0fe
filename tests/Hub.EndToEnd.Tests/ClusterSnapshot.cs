using System.Text;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// What a cluster test shows when it fails: the scheduler's triggers and fired triggers, the nodes' check-ins and every
/// outbox command not yet done, so a stall says where it stuck (a trigger left blocked, a lease nobody takes).
/// </summary>
internal static class ClusterSnapshot
{
    public static async Task<string> DescribeAsync(HubDatabase database)
    {
        var text = new StringBuilder();
        await using var db = database.CreateContext();
        await AppendRowsAsync(db, text, "TRIGGERS", "SELECT trigger_name || ' ' || trigger_state || ' next ' || coalesce(to_timestamp(next_fire_time / 10000000.0 - 62135596800)::text, '-') AS \"Value\" FROM qrtz_triggers");
        await AppendRowsAsync(db, text, "FIRED", "SELECT trigger_name || ' ' || state || ' on ' || instance_name AS \"Value\" FROM qrtz_fired_triggers");
        await AppendRowsAsync(db, text, "SCHEDULERS", "SELECT instance_name || ' checked in ' || to_timestamp(last_checkin_time / 10000000.0 - 62135596800)::text AS \"Value\" FROM qrtz_scheduler_state");
        text.AppendLine("NODES");
        foreach (var node in await db.Nodes.AsNoTracking().ToListAsync())
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {node.NodeId} pid {node.ProcessId} checked in {node.CheckedInAt:O}");
        }

        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"OUTBOX not done (now {TimeProvider.System.GetUtcNow():O})");
        foreach (var o in await db.Outbox.AsNoTracking().Where(o => o.Status != OutboxStatus.Done).OrderBy(o => o.Id).Take(40).ToListAsync())
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {o.Id} case {o.CaseId} {o.Kind} -> {o.TargetSystem} {o.Status} attempts {o.Attempts} next {o.NextAttemptAt:O} leased {o.LeasedBy} until {o.LeaseUntil:O} token {o.LeaseToken} error {o.LastError}");
        }

        return text.ToString();
    }

    /// <summary>
    /// The first few complaints that did not come back (TOPdesk not completed): the incident as TOPdesk has it, then
    /// what the hub journaled for its case and every command it queued for it, in order, so a lost step shows.
    /// </summary>
    public static async Task<string> DescribeNotCompletedAsync(HubDatabase database, Hub.Simulators.TopDesk.TopDeskSimulator topDesk, IEnumerable<string> incidentIds)
    {
        var text = new StringBuilder();
        var open = incidentIds.Select(topDesk.Incident).Where(i => !i.Completed).ToList();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"NOT COMPLETED: {open.Count}");
        await using var db = database.CreateContext();
        foreach (var incident in open.Take(3))
        {
            var actions = topDesk.ActionsOf(incident.Id);
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"  {incident.Number} status '{incident.ProcessingStatus?.Name}' completed {incident.Completed}; actions: {string.Join(" | ", actions.Select(a => Cut(a.PlainText)))}");
            var caseId = await db.Links.AsNoTracking().Where(l => l.SystemName == "servicedesk" && l.ExternalId == incident.Id).Select(l => l.CaseId).FirstOrDefaultAsync();
            foreach (var entry in await db.Journal.AsNoTracking().Where(j => j.CaseId == caseId).OrderBy(j => j.Sequence).ToListAsync())
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                    $"    journal {entry.Sequence} {entry.At:HH:mm:ss.fff} {entry.Kind} {entry.SourceSystem}->{entry.TargetSystem} {entry.Outcome} {Cut(entry.After)} {entry.Error}");
            }

            foreach (var o in await db.Outbox.AsNoTracking().Where(o => o.CaseId == caseId).OrderBy(o => o.Id).ToListAsync())
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                    $"    command {o.Id} {o.Kind} -> {o.TargetSystem} {o.Status} attempts {o.Attempts} done {o.CompletedAt:HH:mm:ss.fff} by {o.LeasedBy} token {o.LeaseToken} {o.LastError}");
            }
        }

        return text.ToString();
    }

    private static string Cut(string? text) => text is null ? string.Empty : text.Length <= 80 ? text : text[..80] + "…";

    private static async Task AppendRowsAsync(HubDbContext db, StringBuilder text, string title, string sql)
    {
        text.AppendLine(title);
        foreach (var row in await db.Database.SqlQueryRaw<string>(sql).ToListAsync())
        {
            text.AppendLine("  " + row);
        }
    }
}
