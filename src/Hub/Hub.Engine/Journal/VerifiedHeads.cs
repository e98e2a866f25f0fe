using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Journal;

/// <summary>The verified heads the hub keeps in its database (table <c>journal_heads</c>, outside the journal).</summary>
public static class VerifiedHeads
{
    public const string InDatabase = "the database";

    /// <summary>The head with the highest sequence: if it is still in the chain, every older one is too.</summary>
    public static async Task<VerifiedHead?> NewestAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.VerifiedHeads.AsNoTracking()
            .OrderByDescending(h => h.Sequence).ThenByDescending(h => h.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return newest is null ? null : new VerifiedHead(newest.Sequence, newest.Hash, newest.VerifiedAt, newest.KeyId, newest.Seal);
    }

    public static async Task RecordAsync(HubDbContext db, VerifiedHead head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(head);
        db.VerifiedHeads.Add(new VerifiedHeadRecord
        {
            Sequence = head.Sequence, Hash = head.Hash, VerifiedAt = head.VerifiedAt, KeyId = head.KeyId, Seal = head.Seal,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
