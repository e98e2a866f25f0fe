using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// What the hub asks before it relies on the org: the incident table's definition (<c>ChangeTrackingEnabled</c>) and
/// the privileges of a user (<c>systemusers(id)/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()</c>), in the shapes the
/// Web API publishes.
/// </summary>
internal sealed partial class DataverseWebApi
{
    private const string IncidentDefinition = "EntityDefinitions(LogicalName='incident')";

    private SimResponse? Metadata(SimRequest request)
    {
        if (request.Method != "GET")
        {
            return null;
        }

        if (request.Path == IncidentDefinition)
        {
            return SimResponse.Json(200, new JsonObject
            {
                ["@odata.context"] = org.ApiUrl + "$metadata#EntityDefinitions(ChangeTrackingEnabled)/$entity",
                ["ChangeTrackingEnabled"] = tracking.Enabled,
                ["MetadataId"] = "e3fe4ff2-a630-49bb-a1e9-debc3a076815",
            });
        }

        var privileges = UserPrivileges().Match(request.Path);
        if (!privileges.Success)
        {
            return null;
        }

        var user = ParseId(privileges.Groups["id"].Value);
        var granted = user == org.AppUser.Id ? org.AppUserPrivileges.Order(StringComparer.Ordinal).ToList() : [];
        return SimResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = org.ApiUrl + "$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse",
            ["RolePrivileges"] = new JsonArray([.. granted.Select(p => (JsonNode)new JsonObject
            {
                ["Depth"] = "Global",
                ["PrivilegeId"] = NameBasedId(p).ToString(),
                ["BusinessUnitId"] = org.BusinessUnitId.ToString(),
                ["PrivilegeName"] = p,
            })]),
        });
    }

    private static Guid NameBasedId(string name) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    [GeneratedRegex(@"^systemusers\((?<id>[0-9a-fA-F-]{36})\)/Microsoft\.Dynamics\.CRM\.RetrieveUserPrivileges(\(\))?$")]
    private static partial Regex UserPrivileges();
}
