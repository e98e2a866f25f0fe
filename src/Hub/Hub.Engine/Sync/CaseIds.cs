using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>Hands out hub ids: HUB-2026-000042, numbered per year, inside the caller's unit of work.</summary>
public static class CaseIds
{
    public static async Task<string> NextAsync(HubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = now.UtcDateTime.Year;
        // The unit of work's own count first (a page's earlier case this year), then the database's.
        var sequence = await TrackedRecords.FindAsync<CaseNumberSequence>(db, s => s.Year == year,
            () => HubQueries.Of(db).CaseNumberOf(db, year, cancellationToken)).ConfigureAwait(false);
        if (sequence is null)
        {
            sequence = new CaseNumberSequence { Year = year, Last = 0 };
            db.CaseNumbers.Add(sequence);
        }

        sequence.Last++;
        return FormattableString.Invariant($"HUB-{year}-{sequence.Last:D6}");
    }
}
