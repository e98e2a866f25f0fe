using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Journal;

/// <summary>
/// Puts everything an adapter set aside in the correlation log (for the contractor mailbox: a spoofed or
/// unauthenticated sender, an unknown order, an oversized, malformed or automatic reply), on the case of the record it
/// names when that record is linked.
/// </summary>
internal sealed class IgnoredRecordJournal(HubDatabase database, HubJournal journal, HubWriteGate gate) : IIgnoredRecordJournal
{
    public async Task RecordAsync(IgnoredRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var db = database.CreateContext();
            var caseId = record.ExternalId is { } externalId
                ? await db.Links.AsNoTracking().Where(l => l.SystemName == record.SystemName && l.ExternalId == externalId).Select(l => l.CaseId).FirstOrDefaultAsync(cancellationToken)
                : null;
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = caseId,
                Kind = record.Kind,
                Outcome = record.Quarantined ? JournalOutcome.Quarantined : JournalOutcome.Ignored,
                SourceSystem = record.SystemName,
                SourceRecord = record.ExternalId ?? record.Reference,
                Detail = record.Detail,
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
