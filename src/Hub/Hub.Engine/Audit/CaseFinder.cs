using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Audit;

/// <summary>
/// Finds the case a reference names, through the indexes on case id and on links' external id and number.
/// Only when no spelling matches exactly does it compare links' numbers ignoring spaces and case (a scan of
/// the links table, which holds a few rows per case, never of the journal).
/// </summary>
public static class CaseFinder
{
    public static async Task<IReadOnlyList<CaseMatch>> FindAsync(HubDbContext db, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reference);
        var spellings = CaseReference.Spellings(reference);
        if (spellings.Count == 0)
        {
            return [];
        }

        var byId = await db.Cases.AsNoTracking()
            .Where(c => spellings.Contains(c.Id))
            .Select(c => new CaseMatch(c.Id, c.Title, c.Status, "hub id"))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (byId.Count > 0)
        {
            return byId;
        }

        var links = await db.Links.AsNoTracking()
            .Where(l => spellings.Contains(l.ExternalId) || (l.ExternalNumber != null && spellings.Contains(l.ExternalNumber)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (links.Count == 0)
        {
            var compact = CaseReference.Compact(CaseReference.Clean(reference));
            // Translated to SQL upper()/replace() by EF Core: it runs in the database, never in this process's culture.
#pragma warning disable CA1304, CA1311, CA1862
            links = await db.Links.AsNoTracking()
                .Where(l => l.ExternalNumber != null && l.ExternalNumber.Replace(" ", string.Empty).ToUpper() == compact)
#pragma warning restore CA1304, CA1311, CA1862
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DescribeAsync(db, links, spellings, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<CaseMatch>> DescribeAsync(
        HubDbContext db, List<LinkRecord> links, IReadOnlyList<string> spellings, CancellationToken cancellationToken)
    {
        var caseIds = links.Select(l => l.CaseId).Distinct(StringComparer.Ordinal).ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        return [.. links
            .GroupBy(l => l.CaseId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var link = g.First();
                var how = spellings.Contains(link.ExternalId, StringComparer.Ordinal) ? "id" : "number";
                cases.TryGetValue(g.Key, out var record);
                return new CaseMatch(g.Key, record?.Title, record?.Status, $"{link.SystemName} {how}");
            })];
    }
}
