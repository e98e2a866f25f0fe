using System.Security.Cryptography;
using System.Text;
using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// Sets aside a record the hub could not read or take in: one journal entry (outcome Quarantined) with its reason,
/// once per record version. The inbox remembers it under a key of its own ("unreadable:" + version), so a re-read
/// of the same version is not journaled again while the change itself, should it be taken in later, is not taken
/// for seen.
/// </summary>
internal sealed class RecordQuarantine(HubJournal journal, TimeProvider time)
{
    public const string MarkerPrefix = "unreadable:";

    /// <summary>
    /// Journals the record unless this version was set aside before, inside the caller's transaction (a page's,
    /// <see cref="PageIntake"/>): saved there, committed by the caller; true when it was journaled now.
    /// </summary>
    public async Task<bool> SetAsideAsync(HubDbContext db, string system, UnreadableRecord record, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        record = new UnreadableRecord(
            NulCharacters.Visible(record.ExternalId ?? "(no id)"),
            record.ExternalNumber is { } number ? NulCharacters.Visible(number) : null,
            record.Version is { } version ? NulCharacters.Visible(version) : null,
            NulCharacters.Visible(record.Reason ?? "no reason given"));
        var marker = MarkerOf(record);
        var seen = await db.Inbox.AnyAsync(i => i.SystemName == system && i.ExternalId == record.ExternalId && i.Version == marker, cancellationToken)
            .ConfigureAwait(false);
        if (seen)
        {
            return false;
        }

        db.Inbox.Add(new InboxEntry { SystemName = system, ExternalId = record.ExternalId, Version = marker, SeenAt = time.GetUtcNow() });
        var caseId = await db.Links.AsNoTracking().Where(l => l.SystemName == system && l.ExternalId == record.ExternalId)
            .Select(l => l.CaseId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        await journal.AppendAsync(db, new JournalLine
        {
            CaseId = caseId, Kind = kind, Outcome = JournalOutcome.Quarantined,
            SourceSystem = system, SourceRecord = record.ExternalNumber ?? record.ExternalId, Error = record.Reason,
            Detail = $"set aside: record {record.ExternalId}, version {record.Version ?? "unknown"}; the rest of the poll went on",
        }, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Without a version from the adapter, the reason stands for it: the same failure again is the same record state.</summary>
    private static string MarkerOf(UnreadableRecord record) =>
        MarkerPrefix + (record.Version ?? "reason:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Reason)))[..16]);
}
