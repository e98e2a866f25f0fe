using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// What a command needs beyond its intent, read once when it is sent, in one unit of work: the case's records (the
/// target's link among them: a create finds the record made before a crash, a change the record it changes; a create
/// names them all in its text), and for a change that asks for it (<see cref="ChangeIntent.WithWholeCase"/>) the whole
/// case and the records that came before the target's (the ones its create named), so a target that composes one text
/// of several fields (the Dynamics description: text, location, reporter, references) writes it whole again, never
/// only the new text. One query for the records, one for the case when it is needed.
/// </summary>
internal sealed class SendContext
{
    private readonly IReadOnlyList<LinkRecord> links;

    private SendContext(IReadOnlyList<LinkRecord> links, CaseRecord? record)
    {
        this.links = links;
        Case = record;
    }

    /// <summary>The case as it is now, when it was asked for and still exists.</summary>
    private CaseRecord? Case { get; }

    /// <summary>The case's records (and, with <paramref name="withCase"/>, the case itself), untracked, in a unit of work of its own.</summary>
    public static async Task<SendContext> ReadAsync(HubDatabase database, string caseId, bool withCase, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            if (withCase)
            {
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false); // one connection for both queries
            }

            return await ReadAsync(db, caseId, withCase, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The same, read within the caller's unit of work (on its connection, when it opened one).</summary>
    public static async Task<SendContext> ReadAsync(HubDbContext db, string caseId, bool withCase, CancellationToken cancellationToken)
    {
        var links = await LeanReads.Of(db).CaseLinksAsync(db, caseId, cancellationToken).ConfigureAwait(false);
        var record = withCase ? await LeanReads.Of(db).CaseAsync(db, caseId, cancellationToken).ConfigureAwait(false) : null;
        return new SendContext(links, record);
    }

    /// <summary>The case's first record in the target system, if it has one.</summary>
    public LinkRecord? LinkIn(string system) => links.FirstOrDefault(l => string.Equals(l.SystemName, system, StringComparison.Ordinal));

    /// <summary>Every record of the case, oldest first.</summary>
    public IReadOnlyList<CaseLink> Records => [.. links.Select(ToCaseLink)];

    /// <summary>The whole case as it is now, and the records of the case that came before <paramref name="target"/>.</summary>
    public WholeCase WholeCase(LinkRecord target) =>
        new(Case is null ? null : CaseState.ToFields(Case), [.. links.Where(l => l.Id < target.Id).Select(ToCaseLink)]);

    private static CaseLink ToCaseLink(LinkRecord l) => new(l.CaseId, l.SystemName, l.ExternalId, l.ExternalNumber, l.Role);
}

/// <summary>The case as it is when a change is sent (null when it is gone), and the records before the target's.</summary>
internal sealed record WholeCase(CaseFields? Fields, IReadOnlyList<CaseLink> RecordsBefore);
