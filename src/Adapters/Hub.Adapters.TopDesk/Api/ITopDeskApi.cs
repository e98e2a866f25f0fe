using System.Text.Json;
using Hub.Abstractions.Http;
using Refit;

namespace Hub.Adapters.TopDesk.Api;

/// <summary>
/// The part of TOPdesk's REST API under <c>/tas/api</c> that the hub uses. Lists answer 200 (last page),
/// 206 (more pages) or 204 (nothing, with an empty body); errors are turned into AdapterException by
/// <see cref="TopDeskCalls"/>.
/// </summary>
[Headers("Accept: application/json; charset=utf-8")]
internal interface ITopDeskApi
{
    [Get("/incidents")]
    Task<IApiResponse<List<TopDeskIncident>>> ListIncidentsAsync(
        string query,
        int pageStart,
        int pageSize,
        string? sort,
        string? fields,
        string? all,
        CancellationToken cancellationToken);

    /// <summary>
    /// The same list, each incident left as JSON: the change reader reads them one by one, so one incident of an
    /// unexpected shape is set aside instead of failing its whole page.
    /// </summary>
    [Get("/incidents")]
    Task<IApiResponse<List<JsonElement>>> ListIncidentsAsJsonAsync(
        string query,
        int pageStart,
        int pageSize,
        string? sort,
        string? fields,
        string? all,
        CancellationToken cancellationToken);

    /// <summary>The first incidents the operator may see, ids only: whether it may read incidents at all.</summary>
    [Get("/incidents")]
    Task<IApiResponse<List<TopDeskIncident>>> SampleIncidentsAsync(int pageSize, string fields, CancellationToken cancellationToken);

    [Get("/incidents/id/{id}")]
    Task<IApiResponse<TopDeskIncident>> GetIncidentAsync(string id, CancellationToken cancellationToken);

    [Get("/incidents/number/{number}")]
    Task<IApiResponse<TopDeskIncident>> GetIncidentByNumberAsync(string number, CancellationToken cancellationToken);

    /// <summary>Creates an incident: one attempt only, a lost answer must not become a second incident.</summary>
    [Post("/incidents")]
    Task<IApiResponse<TopDeskIncident>> CreateIncidentAsync(
        [Body] NewIncident incident,
        [Property(SystemHttpClient.SingleAttemptOption)] bool singleAttempt,
        CancellationToken cancellationToken);

    /// <summary>Changes an incident; one attempt only, so a progress entry is never written twice by a retry.</summary>
    [Patch("/incidents/id/{id}")]
    Task<IApiResponse<TopDeskIncident>> PatchIncidentAsync(
        string id,
        [Body] IncidentPatch patch,
        [Property(SystemHttpClient.SingleAttemptOption)] bool singleAttempt,
        CancellationToken cancellationToken);

    [Get("/incidents/id/{id}/actions")]
    Task<IApiResponse<List<TopDeskAction>>> ListActionsAsync(
        string id,
        int start,
        [AliasAs("page_size")] int pageSize,
        CancellationToken cancellationToken);

    [Get("/incidents/statuses")]
    Task<IApiResponse<List<TopDeskLookupItem>>> ListProcessingStatusesAsync(CancellationToken cancellationToken);

    [Get("/incidents/categories")]
    Task<IApiResponse<List<TopDeskLookupItem>>> ListCategoriesAsync(CancellationToken cancellationToken);

    [Get("/incidents/subcategories")]
    Task<IApiResponse<List<TopDeskSubcategory>>> ListSubcategoriesAsync(CancellationToken cancellationToken);

    [Get("/incidents/priorities")]
    Task<IApiResponse<List<TopDeskLookupItem>>> ListPrioritiesAsync(CancellationToken cancellationToken);

    [Get("/operatorgroups")]
    Task<IApiResponse<List<TopDeskOperatorGroup>>> ListOperatorGroupsAsync(
        int start,
        [AliasAs("page_size")] int pageSize,
        CancellationToken cancellationToken);

    [Get("/version")]
    Task<IApiResponse<TopDeskVersion>> GetVersionAsync(CancellationToken cancellationToken);

    [Get("/operators/current")]
    Task<IApiResponse<TopDeskOperator>> GetCurrentOperatorAsync(CancellationToken cancellationToken);
}
