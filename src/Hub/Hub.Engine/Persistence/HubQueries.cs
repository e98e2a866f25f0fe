using Microsoft.EntityFrameworkCore;
using System.Runtime.CompilerServices;
using Hub.Engine.Sync;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Engine.Persistence;

/// <summary>
/// The queries every change and every command runs, compiled once per model (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>):
/// EF Core otherwise walks each query's expression tree on every call to find its parameters and its cached plan, which
/// was about a tenth of the hub's CPU in a backlog. Same SQL, same tracking as the LINQ they replace. A compiled query
/// serves one model only, so SQLite and PostgreSQL (both in one test process) each get their own set: <see cref="Of"/>.
/// </summary>
internal sealed class HubQueries
{
    private static readonly ConditionalWeakTable<IModel, HubQueries> PerModel = new();

    /// <summary>The compiled queries for this context's model (one set per provider).</summary>
    public static HubQueries Of(HubDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return PerModel.GetValue(db.Model, _ => new HubQueries());
    }

    /// <summary>The link of one record of one system, tracked.</summary>
    public readonly Func<HubDbContext, string, string, CancellationToken, Task<LinkRecord?>> LinkOf =
        EF.CompileAsyncQuery((HubDbContext db, string system, string externalId, CancellationToken _) =>
            db.Links.FirstOrDefault(l => l.SystemName == system && l.ExternalId == externalId));

    /// <summary>A case's first record in one system, tracked (the way a milestone finds the origin's ticket).</summary>
    public readonly Func<HubDbContext, string, string, CancellationToken, Task<LinkRecord?>> CaseLinkIn =
        EF.CompileAsyncQuery((HubDbContext db, string caseId, string system, CancellationToken _) =>
            db.Links.Where(l => l.CaseId == caseId && l.SystemName == system).OrderBy(l => l.Id).FirstOrDefault());

    /// <summary>The systems that hold a record of a case.</summary>
    public readonly Func<HubDbContext, string, IAsyncEnumerable<string>> LinkedSystems =
        EF.CompileAsyncQuery((HubDbContext db, string caseId) => db.Links.Where(l => l.CaseId == caseId).Select(l => l.SystemName));

    /// <summary>The systems a create is queued for (or was sent to), for a case.</summary>
    public readonly Func<HubDbContext, string, IAsyncEnumerable<string>> CreatesQueued =
        EF.CompileAsyncQuery((HubDbContext db, string caseId) => db.Outbox
            .Where(o => o.CaseId == caseId && o.Operation == OutboxOperation.Create && o.Status != OutboxStatus.Discarded)
            .Select(o => o.TargetSystem));

    /// <summary>A case, tracked (the intake changes it); <see cref="TrackedRecords.FindAsync{T}"/> looks in the unit of work first, as Find did.</summary>
    public readonly Func<HubDbContext, string, CancellationToken, Task<CaseRecord?>> CaseTracked =
        EF.CompileAsyncQuery((HubDbContext db, string caseId, CancellationToken _) => db.Cases.FirstOrDefault(c => c.Id == caseId));

    /// <summary>A year's last hub id number, tracked (a new case counts it up in the unit of work).</summary>
    public readonly Func<HubDbContext, int, CancellationToken, Task<CaseNumberSequence?>> CaseNumberOf =
        EF.CompileAsyncQuery((HubDbContext db, int year, CancellationToken _) => db.CaseNumbers.FirstOrDefault(c => c.Year == year));

    /// <summary>A link by its id, tracked (the dispatcher notes what it is about to write).</summary>
    public readonly Func<HubDbContext, long, CancellationToken, Task<LinkRecord?>> LinkById =
        EF.CompileAsyncQuery((HubDbContext db, long id, CancellationToken _) => db.Links.FirstOrDefault(l => l.Id == id));

    /// <summary>An outbox row, tracked (the dispatcher records a command's outcome on it).</summary>
    public readonly Func<HubDbContext, long, CancellationToken, Task<OutboxCommand?>> OutboxRow =
        EF.CompileAsyncQuery((HubDbContext db, long id, CancellationToken _) => db.Outbox.FirstOrDefault(o => o.Id == id));
}

/// <summary>The sequence and hash of the journal's last entry.</summary>
internal sealed record JournalHead(long Sequence, string Hash);
