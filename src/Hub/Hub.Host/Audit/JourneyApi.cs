using Hub.Abstractions.Mapping;
using Hub.Engine.Journey;
using Hub.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Host.Audit;

/// <summary>
/// GET /api/cases/{id}/journey (behind the API key like the rest of /api): the <see cref="JourneyView"/> the chain page
/// shows at the top. Status names come from the mappings in force; without mappings (a host that loads none) the
/// systems' own values are shown as they are.
/// </summary>
internal static class JourneyApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Audit")
            .MapGet("/cases/{id}/journey", GetJourneyAsync)
            .WithSummary("Where one case is now, what is next, its milestones, the time at each party and each system's status by name.");
    }

    private static async Task<Results<Ok<JourneyView>, ProblemHttpResult>> GetJourneyAsync(
        string id, HubDatabase database, TimeProvider time, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db)
        {
            var journey = await JourneyReader.LoadAsync(db, id, MappingsOf(services), time.GetUtcNow(), cancellationToken);
            return journey is null ? AuditApi.CaseNotFound(id) : TypedResults.Ok(journey);
        }
    }

    public static MappingSet MappingsOf(IServiceProvider services) =>
        services.GetService<IMappingProvider>()?.Current ?? MappingSet.Empty;
}
