using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>An alternate key of the incident table (<c>EntityDefinitions(LogicalName='incident')/Keys</c>).</summary>
internal sealed class EntityKeyRow
{
    [JsonPropertyName("LogicalName")]
    public string? LogicalName { get; set; }

    [JsonPropertyName("KeyAttributes")]
    public List<string> KeyAttributes { get; set; } = [];

    [JsonPropertyName("EntityKeyIndexStatus")]
    public string? EntityKeyIndexStatus { get; set; }
}
