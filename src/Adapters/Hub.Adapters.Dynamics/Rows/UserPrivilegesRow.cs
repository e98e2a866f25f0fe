using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>The answer of <c>RetrieveUserPrivileges</c>: every privilege the user's security roles grant.</summary>
internal sealed class UserPrivilegesRow
{
    [JsonPropertyName("RolePrivileges")]
    public List<RolePrivilegeRow> RolePrivileges { get; set; } = [];
}

/// <summary>One granted privilege: its name (<c>prvReadIncident</c>) and depth.</summary>
internal sealed class RolePrivilegeRow
{
    [JsonPropertyName("PrivilegeName")]
    public string? PrivilegeName { get; set; }

    [JsonPropertyName("Depth")]
    public string? Depth { get; set; }
}
