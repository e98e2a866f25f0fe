using Hub.Abstractions.Mapping;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// What a change of fields needs beyond the change itself, read when it is sent: the whole case, and the case's records
/// that came before the target's (the ones its create named), so a target that composes one text of several fields
/// (the Dynamics description: text, location, reporter, references) writes it whole again, never only the new text.
/// </summary>
internal static class ApplyContext
{
    public static async Task<ApplyChangeCommand> AddAsync(HubDatabase database, ApplyChangeCommand apply, LinkRecord target, CancellationToken cancellationToken)
    {
        if (apply.Kind != ChangeKind.FieldsChanged)
        {
            return apply;
        }

        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == target.CaseId, cancellationToken).ConfigureAwait(false);
            var before = await db.Links.AsNoTracking().Where(l => l.CaseId == target.CaseId && l.Id < target.Id).OrderBy(l => l.Id)
                .Select(l => new CaseLink(l.CaseId, l.SystemName, l.ExternalId, l.ExternalNumber, l.Role))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return apply with { WholeCase = record is null ? null : CaseState.ToFields(record), UpstreamRecords = before };
        }
    }
}
