using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>
/// An <c>incident</c> row as the Web API returns it, or in a delta a <c>$deletedEntity</c> entry
/// (<see cref="Reason"/> "deleted" and <see cref="DeletedId"/>). The configurable alternate-key column lands in
/// <see cref="Other"/>.
/// </summary>
internal sealed class IncidentRow
{
    private const string Formatted = "@OData.Community.Display.V1.FormattedValue";

    [JsonPropertyName("@odata.context")]
    public string? Context { get; set; }

    [JsonPropertyName("@odata.etag")]
    public string? ETag { get; set; }

    [JsonPropertyName("incidentid")]
    public Guid? IncidentId { get; set; }

    [JsonPropertyName("id")]
    public Guid? DeletedId { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("ticketnumber")]
    public string? TicketNumber { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("prioritycode")]
    public int? PriorityCode { get; set; }

    [JsonPropertyName("statecode")]
    public int? StateCode { get; set; }

    [JsonPropertyName("statuscode")]
    public int? StatusCode { get; set; }

    [JsonPropertyName("resolveby")]
    public DateTimeOffset? ResolveBy { get; set; }

    [JsonPropertyName("createdon")]
    public DateTimeOffset? CreatedOn { get; set; }

    [JsonPropertyName("modifiedon")]
    public DateTimeOffset? ModifiedOn { get; set; }

    [JsonPropertyName("_modifiedby_value")]
    public Guid? ModifiedBy { get; set; }

    [JsonPropertyName("_modifiedby_value" + Formatted)]
    public string? ModifiedByName { get; set; }

    [JsonPropertyName("versionnumber")]
    public long? VersionNumber { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement> Other { get; set; } = [];

    public bool IsDeleted => string.Equals(Reason, "deleted", StringComparison.OrdinalIgnoreCase) && DeletedId is not null;

    /// <summary>The row version: versionnumber, else the number inside the weak ETag.</summary>
    public string Version => VersionNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? ETag?.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"')
        ?? string.Empty;

    public string? TextOf(string column) =>
        Other.TryGetValue(column, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
