using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// Whether an unlinked record that carries a case's hub id as its correlation key may become that case's record in
/// its system. A hub id is no secret (anyone can type one into an incident), so the key proves nothing on its own: the
/// record joins only when the case has no record in that system yet and the hub asked that system to create one (a
/// Create command for the case and system that was queued and not discarded: pending, sent just before a crash, or
/// dead-lettered with its outcome unknown). Any other claim is refused.
/// </summary>
public static class CorrelationClaim
{
    /// <summary>Why the claim is refused, or null when the record is the one the hub created.</summary>
    public static async Task<string?> RefusalAsync(HubDbContext db, string caseId, string system, string record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var held = await db.Links.AsNoTracking()
            .Where(l => l.CaseId == caseId && l.SystemName == system)
            .Select(l => new { l.ExternalId, l.ExternalNumber })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (held is not null)
        {
            var holder = held.ExternalNumber is null ? held.ExternalId : $"{held.ExternalNumber} (id {held.ExternalId})";
            return $"{system} record {record} claims case {caseId} by its correlation key, but that case's record in '{system}' is {holder}; not linked, nothing taken from it";
        }

        var creates = await db.Outbox.AsNoTracking()
            .Where(o => o.CaseId == caseId && o.TargetSystem == system && o.Operation == OutboxOperation.Create)
            .Select(o => o.Status)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (creates.Any(s => s != OutboxStatus.Discarded))
        {
            return null;
        }

        var why = creates.Count == 0 ? $"the hub never asked '{system}' to create a record for that case" : $"the hub's create of that case's record in '{system}' was discarded";
        return $"{system} record {record} claims case {caseId} by its correlation key, but {why}; not linked, no case opened from it";
    }

    /// <summary>The journal line of a refused claim, on the case that was claimed.</summary>
    public static JournalLine RefusedLine(string caseId, string system, string record, string reason, string mappingVersion) => new()
    {
        CaseId = caseId, Kind = HubEvent.ClaimRefused, Outcome = JournalOutcome.Conflict,
        SourceSystem = system, SourceRecord = record, MappingVersion = mappingVersion, Detail = reason,
    };
}
