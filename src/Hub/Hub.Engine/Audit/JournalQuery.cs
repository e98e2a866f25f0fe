using System.Linq.Expressions;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Audit;

/// <summary>
/// Reads the correlation log for auditors, in sequence order, without tracking: streamed row by row from the
/// database reader (a year of journal never sits in memory), or one page at a time.
/// </summary>
public static class JournalQuery
{
    private static readonly Expression<Func<JournalEntry, JournalRecord>> ToRecord = e => new JournalRecord
    {
        Sequence = e.Sequence,
        At = e.At,
        CaseId = e.CaseId,
        Kind = e.Kind,
        SourceSystem = e.SourceSystem,
        SourceRecord = e.SourceRecord,
        TargetSystem = e.TargetSystem,
        TargetRecord = e.TargetRecord,
        Outcome = e.Outcome,
        Attempt = e.Attempt,
        Error = e.Error,
        Detail = e.Detail,
        Before = e.Before,
        After = e.After,
        MappingVersion = e.MappingVersion,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
        KeyId = e.KeyId,
    };

    public static IAsyncEnumerable<JournalRecord> StreamAsync(HubDbContext db, JournalFilter filter) =>
        Records(db, filter).AsAsyncEnumerable();

    public static IQueryable<JournalRecord> Records(HubDbContext db, JournalFilter filter) =>
        Filtered(db, filter).Select(ToRecord);

    public static async Task<JournalPage> PageAsync(HubDbContext db, JournalFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var rows = await Filtered(db, filter)
            .Skip((int)Math.Min(int.MaxValue, ((long)page - 1) * pageSize))
            .Take(pageSize + 1)
            .Select(ToRecord)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var hasMore = rows.Count > pageSize;
        return new JournalPage(page, pageSize, hasMore, hasMore ? rows[..pageSize] : rows);
    }

    public static IQueryable<JournalEntry> Filtered(HubDbContext db, JournalFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        IQueryable<JournalEntry> query = db.Journal.AsNoTracking();
        if (filter.CaseId is { } caseId)
        {
            query = query.Where(e => e.CaseId == caseId);
        }

        if (filter.System is { } system)
        {
            query = query.Where(e => e.SourceSystem == system || e.TargetSystem == system);
        }

        // Kinds and outcomes are ASCII names ("StatusChanged"); an auditor typing "statuschanged" means the same.
        // ToUpper() here becomes SQL upper() in the query and never runs in .NET, so no culture applies.
#pragma warning disable CA1304, CA1311, CA1862
        if (filter.Kind is { } kind)
        {
            var upperKind = kind.ToUpperInvariant();
            query = query.Where(e => e.Kind.ToUpper() == upperKind);
        }

        if (filter.Outcome is { } outcome)
        {
            var upperOutcome = outcome.ToUpperInvariant();
            query = query.Where(e => e.Outcome.ToUpper() == upperOutcome);
        }
#pragma warning restore CA1304, CA1311, CA1862

        if (filter.Since is { } since)
        {
            query = query.Where(e => e.At >= since);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(e => e.At < until);
        }

        return query.OrderBy(e => e.Sequence);
    }
}
