using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>
/// The body of the create-only upsert that makes a case: its columns, and the customer lookup under the property its
/// table names (<c>customerid_account@odata.bind</c> or <c>customerid_contact@odata.bind</c>).
/// </summary>
internal sealed class NewCase
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("caseorigincode")]
    public int CaseOrigin { get; init; }

    [JsonPropertyName("prioritycode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PriorityCode { get; init; }

    [JsonPropertyName("resolveby")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(DataverseDateConverter))]
    public DateTimeOffset? ResolveBy { get; init; }

    /// <summary>The status reason, only when the mapped status is one of an active case (a case is created active).</summary>
    [JsonPropertyName("statuscode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StatusCode { get; init; }

    /// <summary>The lookups bound by reference: property name → "/accounts(&lt;id&gt;)".</summary>
    [JsonExtensionData]
    public Dictionary<string, object> Bindings { get; init; } = [];
}
