using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>Hands out hub ids: HUB-2026-000042, numbered per year, inside the caller's unit of work.</summary>
public static class CaseIds
{
    public static async Task<string> NextAsync(HubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = now.UtcDateTime.Year;
        var sequence = db.CaseNumbers.Local.FirstOrDefault(s => s.Year == year)
            ?? await db.CaseNumbers.FirstOrDefaultAsync(s => s.Year == year, cancellationToken).ConfigureAwait(false);
        if (sequence is null)
        {
            sequence = new CaseNumberSequence { Year = year, Last = 0 };
            db.CaseNumbers.Add(sequence);
        }

        sequence.Last++;
        return FormattableString.Invariant($"HUB-{year}-{sequence.Last:D6}");
    }
}
