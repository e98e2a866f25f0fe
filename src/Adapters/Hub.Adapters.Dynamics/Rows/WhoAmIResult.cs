using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>The answer of the <c>WhoAmI</c> function: the hub's application user in this org.</summary>
internal sealed class WhoAmIResult
{
    [JsonPropertyName("UserId")]
    public Guid UserId { get; set; }

    [JsonPropertyName("OrganizationId")]
    public Guid OrganizationId { get; set; }
}
