using Hub.Adapters.Email.Ignored;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Journal;

/// <summary>
/// Puts every mail the contractor adapter would not act on (spoofed or unauthenticated sender, unknown order,
/// oversized, malformed, auto-reply) in the correlation log, with the case it names when the order token is known.
/// </summary>
internal sealed class IgnoredMailJournal(HubDatabase database, HubJournal journal, HubWriteGate gate) : IIgnoredMailJournal
{
    public async Task RecordAsync(IgnoredMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var db = database.CreateContext();
            var caseId = mail.WorkOrderToken is { } token
                ? await db.Links.AsNoTracking().Where(l => l.SystemName == mail.SystemName && l.ExternalId == token).Select(l => l.CaseId).FirstOrDefaultAsync(cancellationToken)
                : null;
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = caseId,
                Kind = mail.Reason.ToString(),
                Outcome = mail.Quarantined ? JournalOutcome.Quarantined : JournalOutcome.Ignored,
                SourceSystem = mail.SystemName,
                SourceRecord = mail.WorkOrderToken ?? mail.MessageId,
                Detail = $"from {mail.From}: \"{mail.Subject}\" — {mail.Detail}",
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
