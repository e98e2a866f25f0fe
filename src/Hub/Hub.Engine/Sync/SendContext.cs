using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// What an intent needs beyond itself, read when it is sent: the case's records (a create names them in its text), and
/// for a change that asks for it (<see cref="ChangeIntent.WithWholeCase"/>) the whole case and the records that came
/// before the target's (the ones its create named), so a target that composes one text of several fields (the Dynamics
/// description: text, location, reporter, references) writes it whole again, never only the new text.
/// </summary>
internal static class SendContext
{
    /// <summary>Every record of the case, oldest first.</summary>
    public static async Task<IReadOnlyList<CaseLink>> RecordsAsync(HubDatabase database, string caseId, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Links.AsNoTracking().Where(l => l.CaseId == caseId).OrderBy(l => l.Id)
                .Select(l => new CaseLink(l.CaseId, l.SystemName, l.ExternalId, l.ExternalNumber, l.Role))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The whole case as it is now, and the records of the case that came before <paramref name="target"/>.</summary>
    public static async Task<WholeCase> WholeCaseAsync(HubDatabase database, LinkRecord target, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == target.CaseId, cancellationToken).ConfigureAwait(false);
            var before = await db.Links.AsNoTracking().Where(l => l.CaseId == target.CaseId && l.Id < target.Id).OrderBy(l => l.Id)
                .Select(l => new CaseLink(l.CaseId, l.SystemName, l.ExternalId, l.ExternalNumber, l.Role))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new WholeCase(record is null ? null : CaseState.ToFields(record), before);
        }
    }
}

/// <summary>The case as it is when a change is sent (null when it is gone), and the records before the target's.</summary>
internal sealed record WholeCase(CaseFields? Fields, IReadOnlyList<CaseLink> RecordsBefore);
