using System.Text.Json.Nodes;
using Refit;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>
/// The Dataverse Web API v9.2 calls the adapter makes, relative to <c>{org}/api/data/v9.2/</c>. Each returns the raw
/// response: callers decide which statuses are answers (201/200/204, 412 on conditional writes) and which are failures.
/// </summary>
internal interface IDataverseApi
{
    [Get("/WhoAmI")]
    Task<HttpResponseMessage> WhoAmIAsync(CancellationToken cancellationToken);

    /// <summary>The incident table's definition, e.g. <c>$select=ChangeTrackingEnabled</c>.</summary>
    [Get("/EntityDefinitions(LogicalName='incident')")]
    Task<HttpResponseMessage> IncidentDefinitionAsync([AliasAs("$select")] string select, CancellationToken cancellationToken);

    /// <summary>
    /// A choice column of the incident table with its options: <paramref name="attribute"/> 'statuscode' with
    /// <paramref name="metadataType"/> StatusAttributeMetadata, 'prioritycode' with PicklistAttributeMetadata.
    /// </summary>
    [Get("/EntityDefinitions(LogicalName='incident')/Attributes(LogicalName='{attribute}')/Microsoft.Dynamics.CRM.{metadataType}")]
    Task<HttpResponseMessage> IncidentOptionsAsync(string attribute, string metadataType, [AliasAs("$select")] string select,
        [AliasAs("$expand")] string expand, CancellationToken cancellationToken);

    /// <summary>The privileges a user's security roles grant (the RetrieveUserPrivileges function).</summary>
    [Get("/systemusers({userId})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()")]
    Task<HttpResponseMessage> UserPrivilegesAsync(Guid userId, CancellationToken cancellationToken);

    [Get("/incidents({**key})")]
    [Headers("Prefer: odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"")]
    Task<HttpResponseMessage> GetIncidentAsync(string key, [AliasAs("$select")] string select, CancellationToken cancellationToken);

    /// <summary>Create-only upsert by alternate key: 201 with the row, or 412 when a case with the key exists.</summary>
    [Patch("/incidents({**key})")]
    [Headers("Prefer: return=representation", "If-None-Match: *")]
    Task<HttpResponseMessage> CreateByKeyAsync(string key, [AliasAs("$select")] string select, [Body] JsonObject body, CancellationToken cancellationToken);

    /// <summary>Update of an existing case, conditional on its ETag (412 when someone changed it since it was read).</summary>
    [Patch("/incidents({id})")]
    Task<HttpResponseMessage> UpdateIncidentAsync(string id, [Body] JsonObject body, [Header("If-Match")] string etag, CancellationToken cancellationToken);

    [Post("/CloseIncident")]
    Task<HttpResponseMessage> CloseIncidentAsync([Body] JsonObject body, CancellationToken cancellationToken);

    /// <summary>
    /// Create-only upsert of a note under an id the hub chose: a retry of the same write gets 412, not a second note.
    /// </summary>
    [Patch("/annotations({id})")]
    [Headers("If-None-Match: *")]
    Task<HttpResponseMessage> AddNoteAsync(string id, [Body] JsonObject body, CancellationToken cancellationToken);

    /// <summary>The first page of cases under change tracking (<c>Prefer: odata.track-changes</c>).</summary>
    [Get("/incidents")]
    Task<HttpResponseMessage> TrackIncidentsAsync([AliasAs("$select")] string select, [Header("Prefer")] string prefer, CancellationToken cancellationToken);

    [Get("/incidents")]
    Task<HttpResponseMessage> QueryIncidentsAsync([AliasAs("$select")] string select, [AliasAs("$filter")] string? filter, [AliasAs("$orderby")] string orderBy, [Header("Prefer")] string prefer, CancellationToken cancellationToken);

    [Get("/annotations")]
    Task<HttpResponseMessage> QueryNotesAsync([AliasAs("$select")] string select, [AliasAs("$filter")] string filter, [AliasAs("$orderby")] string orderBy, [Header("Prefer")] string prefer, CancellationToken cancellationToken);

    [Get("/EntityDefinitions(LogicalName='incident')/Keys")]
    Task<HttpResponseMessage> AlternateKeysAsync([AliasAs("$select")] string select, CancellationToken cancellationToken);
}
