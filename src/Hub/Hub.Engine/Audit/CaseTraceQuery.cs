using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Audit;

/// <summary>Loads one case's trace: its fields, links (by the case index), journal entries (by the case-and-sequence index) and stays.</summary>
public static class CaseTraceQuery
{
    public static async Task<CaseTrace?> LoadAsync(HubDbContext db, string caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseId);
        var record = await db.Cases.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var links = await db.Links.AsNoTracking()
            .Where(l => l.CaseId == caseId)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new TraceLink(l.SystemName, l.ExternalId, l.ExternalNumber, l.Role, l.UpstreamSystem, l.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var events = await JournalQuery.Records(db, new JournalFilter { CaseId = caseId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var summary = new CaseSummary(record.Id, record.Title, record.Status, record.Priority, record.OriginSystem, record.CreatedAt, record.UpdatedAt);
        return new CaseTrace(summary, links, TimeInOrganisation.Compute(links, events, now), events);
    }
}
