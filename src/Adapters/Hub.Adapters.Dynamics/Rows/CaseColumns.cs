using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>The incident columns a change of fields writes (a PATCH body); a column left null is not sent and stays as it is.</summary>
internal sealed record CaseColumns
{
    [JsonPropertyName("title")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("prioritycode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PriorityCode { get; init; }

    [JsonPropertyName("resolveby")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(DataverseDateConverter))]
    public DateTimeOffset? ResolveBy { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Title is null && Description is null && PriorityCode is null && ResolveBy is null;
}
