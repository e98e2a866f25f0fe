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

        var choice = IncidentChoice().Match(request.Path);
        if (choice.Success)
        {
            return Choices(choice.Groups["column"].Value, choice.Groups["type"].Value);
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

    /// <summary>A choice column's definition with its options, as the Web API gives it for a typed attribute cast.</summary>
    private SimResponse Choices(string column, string type)
    {
        IEnumerable<(int Value, int? State, string Label)>? options = (column, type) switch
        {
            ("statuscode", "StatusAttributeMetadata") => IncidentChoices.StatusReasons.Select(s => (s.Value, (int?)s.State, s.Label)),
            ("prioritycode", "PicklistAttributeMetadata") => IncidentChoices.Priorities.Select(p => (p.Value, (int?)null, p.Label)),
            _ => null,
        };
        if (options is null)
        {
            throw new DataverseFault(404, "0x80040217", $"Could not find an attribute with specified name: {column} (as {type}).");
        }

        return SimResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = org.ApiUrl + $"$metadata#EntityDefinitions('incident')/Attributes/Microsoft.Dynamics.CRM.{type}(LogicalName,OptionSet,OptionSet(Options))/$entity",
            ["LogicalName"] = column,
            ["MetadataId"] = NameBasedId(column).ToString(),
            ["OptionSet"] = new JsonObject
            {
                ["MetadataId"] = NameBasedId(column + ".options").ToString(),
                ["Options"] = new JsonArray([.. options.Select(o =>
                {
                    var option = new JsonObject
                    {
                        ["Value"] = o.Value,
                        ["Label"] = new JsonObject { ["UserLocalizedLabel"] = new JsonObject { ["Label"] = o.Label, ["LanguageCode"] = 1033 } },
                    };
                    if (o.State is { } state)
                    {
                        option["State"] = state;
                    }

                    return (JsonNode)option;
                })]),
            },
        });
    }

    private static Guid NameBasedId(string name) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    [GeneratedRegex(@"^EntityDefinitions\(LogicalName='incident'\)/Attributes\(LogicalName='(?<column>[a-z_]+)'\)/Microsoft\.Dynamics\.CRM\.(?<type>[A-Za-z]+)$")]
    private static partial Regex IncidentChoice();

    [GeneratedRegex(@"^systemusers\((?<id>[0-9a-fA-F-]{36})\)/Microsoft\.Dynamics\.CRM\.RetrieveUserPrivileges(\(\))?$")]
    private static partial Regex UserPrivileges();
}
