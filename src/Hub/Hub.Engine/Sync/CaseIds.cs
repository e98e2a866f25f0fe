using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>Hands out hub ids: HUB-2026-000042, numbered per year, inside the caller's unit of work.</summary>
public static class CaseIds
{
    public static async Task<string> NextAsync(HubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = now.UtcDateTime.Year;
        // Find looks in the unit of work first (by key, without detecting changes), then in the database.
        var sequence = await db.CaseNumbers.FindAsync([year], cancellationToken).ConfigureAwait(false);
        if (sequence is null)
        {
            sequence = new CaseNumberSequence { Year = year, Last = 0 };
            db.CaseNumbers.Add(sequence);
        }

        sequence.Last++;
        return FormattableString.Invariant($"HUB-{year}-{sequence.Last:D6}");
    }
}
