using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>The incident table's definition as far as the hub relies on it (<c>EntityDefinitions(LogicalName='incident')</c>).</summary>
internal sealed class IncidentDefinitionRow
{
    [JsonPropertyName("ChangeTrackingEnabled")]
    public bool ChangeTrackingEnabled { get; set; }
}
