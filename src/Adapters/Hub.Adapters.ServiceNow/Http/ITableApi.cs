using System.Text.Json.Nodes;
using Hub.Abstractions.Http;
using Refit;

namespace Hub.Adapters.ServiceNow.Http;

/// <summary>
/// The Table API calls the adapter makes (v2: a query with no rows answers 200 with an empty result, where v1 answers
/// 404). Each returns the raw response: <see cref="TableCalls"/> decides what is an answer and what a failure.
/// Query values are strings as the instance reads them ("true", "false", "all").
/// </summary>
internal interface ITableApi
{
    [Get("/api/now/v2/table/{table}")]
    Task<HttpResponseMessage> ListAsync(
        string table,
        [AliasAs("sysparm_query")] string query,
        [AliasAs("sysparm_fields")] string fields,
        [AliasAs("sysparm_limit")] int limit,
        [AliasAs("sysparm_display_value")] string displayValue,
        [AliasAs("sysparm_exclude_reference_link")] string excludeReferenceLink,
        [AliasAs("sysparm_no_count")] string noCount,
        CancellationToken cancellationToken);

    [Get("/api/now/v2/table/incident/{sysId}")]
    Task<HttpResponseMessage> GetIncidentAsync(
        string sysId,
        [AliasAs("sysparm_fields")] string fields,
        [AliasAs("sysparm_display_value")] string displayValue,
        [AliasAs("sysparm_exclude_reference_link")] string excludeReferenceLink,
        CancellationToken cancellationToken);

    /// <summary>Creates an incident: one attempt only, a lost answer must not become a second incident.</summary>
    [Post("/api/now/v2/table/incident")]
    Task<HttpResponseMessage> CreateIncidentAsync(
        [Body] JsonObject columns,
        [AliasAs("sysparm_fields")] string fields,
        [AliasAs("sysparm_exclude_reference_link")] string excludeReferenceLink,
        [Property(SystemHttpClient.SingleAttemptOption)] bool singleAttempt,
        CancellationToken cancellationToken);

    /// <summary>Changes an incident; one attempt only, so a journal entry is never written twice by a retry.</summary>
    [Patch("/api/now/v2/table/incident/{sysId}")]
    Task<HttpResponseMessage> UpdateIncidentAsync(
        string sysId,
        [Body] JsonObject columns,
        [AliasAs("sysparm_fields")] string fields,
        [AliasAs("sysparm_exclude_reference_link")] string excludeReferenceLink,
        [Property(SystemHttpClient.SingleAttemptOption)] bool singleAttempt,
        CancellationToken cancellationToken);
}
