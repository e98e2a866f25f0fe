using Hub.Engine.Audit;
using Hub.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Audit;

/// <summary>
/// The auditors' read-only API: cases by reference, one case with links, its events, events by time range.
/// Only GET is mapped; any other method on these paths is answered 405 by routing. Paged lists answer
/// <see cref="JournalPage"/> (page from 1, pageSize up to <see cref="MaxPageSize"/>, hasMore).
/// </summary>
internal static class AuditApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Audit");
        api.MapGet("/cases", FindCasesAsync).WithSummary("Find cases by hub id, any system's number or id, or a work-order token.");
        api.MapGet("/cases/{id}", GetCaseAsync).WithSummary("One case with its links and the time it waited at each organisation.");
        api.MapGet("/cases/{id}/events", GetCaseEventsAsync).WithSummary("One case's journal entries, oldest first, paged.");
        api.MapGet("/events", GetEventsAsync).WithSummary("Journal entries in a time range (since inclusive, until exclusive), oldest first, paged.");
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseMatch>>, ProblemHttpResult>> FindCasesAsync(
        string? @ref, HubDatabase database, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(@ref) || @ref.Length > 200)
        {
            return TypedResults.Problem(statusCode: 400, title: "Reference missing", detail: "Give ?ref= with a hub id, a system's number or id, or a work-order token (at most 200 characters).");
        }

        var db = database.CreateContext();
        await using (db)
        {
            return TypedResults.Ok(await CaseFinder.FindAsync(db, @ref, cancellationToken));
        }
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetCaseAsync(
        string id, HubDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db)
        {
            var trace = await CaseTraceQuery.LoadAsync(db, id, time.GetUtcNow(), cancellationToken);
            return trace is null ? CaseNotFound(id) : TypedResults.Ok(CaseDetail.From(trace));
        }
    }

    private static async Task<Results<Ok<JournalPage>, ProblemHttpResult>> GetCaseEventsAsync(
        string id, int? page, int? pageSize, HubDatabase database, CancellationToken cancellationToken)
    {
        if (PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var db = database.CreateContext();
        await using (db)
        {
            if (!await CaseExistsAsync(db, id, cancellationToken))
            {
                return CaseNotFound(id);
            }

            return TypedResults.Ok(await JournalQuery.PageAsync(db, new JournalFilter { CaseId = id }, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken));
        }
    }

    private static async Task<Results<Ok<JournalPage>, ProblemHttpResult>> GetEventsAsync(
        DateTimeOffset? since, DateTimeOffset? until, int? page, int? pageSize, HubDatabase database, CancellationToken cancellationToken)
    {
        if (PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var db = database.CreateContext();
        await using (db)
        {
            var filter = new JournalFilter { Since = since, Until = until };
            return TypedResults.Ok(await JournalQuery.PageAsync(db, filter, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken));
        }
    }

    private static ProblemHttpResult? PagingProblem(int? page, int? pageSize) =>
        page < 1 || pageSize < 1 || pageSize > MaxPageSize
            ? TypedResults.Problem(statusCode: 400, title: "Paging out of range", detail: $"page starts at 1; pageSize is 1 to {MaxPageSize} (default {DefaultPageSize}).")
            : null;

    private static Task<bool> CaseExistsAsync(HubDbContext db, string id, CancellationToken cancellationToken) =>
        db.Cases.AnyAsync(c => c.Id == id, cancellationToken);

    internal static ProblemHttpResult CaseNotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Case not found", detail: $"No case has the hub id '{id}'. Find it by reference with /api/cases?ref=.");
}
