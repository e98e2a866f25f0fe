using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// The simulated <c>/api/data/v9.2/</c> endpoints: WhoAmI, incidents (list, change tracking, read, create,
/// upsert by alternate key, conditional update), CloseIncident, annotations and the alternate-key metadata.
/// </summary>
internal sealed partial class DataverseWebApi(DataverseStore store, DataverseRows rows, ChangeTrackingSettings tracking, SimulatedOrg org, TimeProvider time)
{
    public SimResponse Handle(SimRequest request)
    {
        try
        {
            return Route(request);
        }
        catch (DataverseFault fault)
        {
            return SimResponse.Error(fault.Status, fault.Code, fault.Message);
        }
    }

    private SimResponse Route(SimRequest request)
    {
        var path = request.Path;
        var keyed = KeyedPath().Match(path);
        if (Metadata(request) is { } metadata)
        {
            return metadata;
        }

        return (request.Method, path) switch
        {
            ("GET", "WhoAmI") => WhoAmI(),
            ("GET", "incidents") => ListCases(request),
            ("POST", "incidents") => CreateCase(request),
            ("POST", "CloseIncident") => CloseIncident(request),
            ("GET", "annotations") => ListNotes(request, null),
            ("POST", "annotations") => AddNote(request, null),
            ("GET", "EntityDefinitions(LogicalName='incident')/Keys") => AlternateKeys(),
            _ when keyed.Success && keyed.Groups["set"].Value == "incidents" => Keyed(request, keyed.Groups["key"].Value, keyed.Groups["nav"].Value),
            ("PATCH", _) when keyed.Success && keyed.Groups["set"].Value == "annotations" && keyed.Groups["nav"].Value.Length == 0 => AddNote(request, ParseId(keyed.Groups["key"].Value)),
            _ => throw new DataverseFault(404, "0x8006088a", $"Resource not found for the segment '{path.Split('/')[0]}'."),
        };
    }

    private SimResponse WhoAmI() => SimResponse.Json(200, new JsonObject
    {
        ["@odata.context"] = org.ApiUrl + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
        ["BusinessUnitId"] = org.BusinessUnitId.ToString(),
        ["UserId"] = org.AppUser.Id.ToString(),
        ["OrganizationId"] = org.OrganizationId.ToString(),
    });

    private SimResponse AlternateKeys()
    {
        var keys = new JsonArray();
        if (org.AlternateKeyDefined)
        {
            keys.Add(new JsonObject
            {
                ["LogicalName"] = store.CorrelationKeyColumn + "_key",
                ["KeyAttributes"] = new JsonArray(store.CorrelationKeyColumn),
                ["EntityKeyIndexStatus"] = org.AlternateKeyStatus,
                ["MetadataId"] = org.AlternateKeyId.ToString(),
            });
        }

        return SimResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = org.ApiUrl + "$metadata#EntityDefinitions('incident')/Keys",
            ["value"] = keys,
        });
    }

    private SimResponse Keyed(SimRequest request, string key, string navigation)
    {
        if (navigation == "Incident_Annotation" && request.Method == "GET")
        {
            var id = ParseId(key);
            _ = store.Find(id) ?? throw NotFound(id);
            return ListNotes(request, id);
        }

        if (navigation.Length > 0)
        {
            throw new DataverseFault(404, "0x8006088a", $"Resource not found for the segment '{navigation}'.");
        }

        if (key.Contains('=', StringComparison.Ordinal))
        {
            return ByAlternateKey(request, ParseAlternateKey(key));
        }

        var caseId = ParseId(key);
        return request.Method switch
        {
            "GET" => ReadCase(request, store.Find(caseId) ?? throw NotFound(caseId)),
            "PATCH" => UpdateCase(request, caseId),
            "DELETE" => Delete(caseId),
            _ => throw new DataverseFault(405, string.Empty, $"The HTTP method '{request.Method}' is not allowed here."),
        };
    }

    private SimResponse Delete(Guid id)
    {
        store.Delete(id);
        return SimResponse.NoContent();
    }

    private SimResponse ReadCase(SimRequest request, SimulatedCase row)
    {
        var query = ODataListQuery.From(request, rows.CaseColumns, "incident");
        if (request.Header("If-None-Match") is { } etag && etag == row.ETag && !request.WantsFormattedValues)
        {
            return new SimResponse(304);
        }

        var body = rows.Project(rows.Case(row), query.Select, "incidentid", request.WantsFormattedValues);
        body.Insert(0, "@odata.context", org.ApiUrl + "$metadata#incidents/$entity");
        return SimResponse.Json(200, body, new Dictionary<string, string> { ["ETag"] = row.ETag });
    }

    private SimResponse ByAlternateKey(SimRequest request, string value)
    {
        var existing = store.FindByKey(value);
        switch (request.Method)
        {
            case "GET":
                return existing is null
                    ? throw new DataverseFault(404, "0x80040217", $"A record with the specified key values does not exist in incident entity")
                    : ReadCase(request, existing);
            case "PATCH":
                var patch = CasePatch.Parse(request.Body, store.CorrelationKeyColumn);
                patch.CorrelationKey = null; // key values in the body are ignored when addressing by key
                if (request.Header("If-None-Match") == "*" && existing is not null)
                {
                    throw DataverseFault.PreconditionFailed("A record with matching key values already exists.");
                }

                if (request.Header("If-Match") is { } ifMatch && existing is null)
                {
                    throw DataverseFault.NotFound($"incident With Id = {value} Does Not Exist");
                }

                if (existing is null)
                {
                    return Written(request, store.Create(patch, org.AppUser.Id, value), created: true);
                }

                return Written(request, store.Update(existing.Id, patch, org.AppUser.Id, request.Header("If-Match")), created: false);
            default:
                throw new DataverseFault(405, string.Empty, $"The HTTP method '{request.Method}' is not allowed here.");
        }
    }

    private SimResponse CreateCase(SimRequest request)
    {
        var patch = CasePatch.Parse(request.Body, store.CorrelationKeyColumn);
        if (patch.CorrelationKey is { } key && store.FindByKey(key) is not null)
        {
            throw new DataverseFault(412, "0x80040237", "A record that has the attribute values " + key + " already exists. The entity key " + store.CorrelationKeyColumn + "_key requires that this set of attributes contains unique values.");
        }

        return Written(request, store.Create(patch, org.AppUser.Id), created: true);
    }

    private SimResponse UpdateCase(SimRequest request, Guid id)
    {
        var patch = CasePatch.Parse(request.Body, store.CorrelationKeyColumn);
        if (request.Header("If-None-Match") == "*" && store.Find(id) is not null)
        {
            throw DataverseFault.PreconditionFailed("A record with matching key values already exists.");
        }

        return Written(request, store.Update(id, patch, org.AppUser.Id, request.Header("If-Match") ?? "*"), created: false);
    }

    private SimResponse Written(SimRequest request, SimulatedCase row, bool created)
    {
        var entityId = $"{org.ApiUrl}incidents({row.Id})";
        if (!request.Preferences.TryGetValue("return", out var wanted) || wanted != "representation")
        {
            return SimResponse.NoContent(new Dictionary<string, string> { ["OData-EntityId"] = entityId });
        }

        var query = ODataListQuery.From(request, rows.CaseColumns, "incident");
        var body = rows.Project(rows.Case(row), query.Select, "incidentid", request.WantsFormattedValues);
        body.Insert(0, "@odata.context", org.ApiUrl + "$metadata#incidents/$entity");
        return SimResponse.Json(created ? 201 : 200, body, new Dictionary<string, string>
        {
            ["ETag"] = row.ETag,
            ["Preference-Applied"] = "return=representation",
        });
    }

    private SimResponse CloseIncident(SimRequest request)
    {
        var body = ParseObject(request.Body);
        var resolution = body["IncidentResolution"] as JsonObject
            ?? throw DataverseFault.BadRequest("Parameter 'IncidentResolution' of action 'CloseIncident' is missing.", "0x80040203");
        var status = body["Status"]?.GetValue<int>()
            ?? throw DataverseFault.BadRequest("Parameter 'Status' of action 'CloseIncident' is missing.", "0x80040203");
        var binding = resolution["incidentid@odata.bind"]?.GetValue<string>() ?? string.Empty;
        var match = BoundIncident().Match(binding);
        if (!match.Success)
        {
            throw DataverseFault.BadRequest("The incident resolution must be bound to a case with 'incidentid@odata.bind'.", "0x80040203");
        }

        store.Close(Guid.Parse(match.Groups["id"].Value), status, resolution["subject"]?.GetValue<string>(), resolution["description"]?.GetValue<string>(), org.AppUser.Id);
        return SimResponse.NoContent();
    }

    /// <summary>POST creates a note; PATCH annotations(id) upserts one under that id (412 with If-None-Match: * when it exists).</summary>
    private SimResponse AddNote(SimRequest request, Guid? id)
    {
        if (id is not null && request.Header("If-None-Match") != "*")
        {
            throw DataverseFault.BadRequest("The simulated org only creates notes by PATCH with If-None-Match: *.", "0x80040203");
        }

        var body = ParseObject(request.Body);
        var binding = body["objectid_incident@odata.bind"]?.GetValue<string>() ?? string.Empty;
        var match = BoundIncident().Match(binding);
        if (!match.Success)
        {
            throw DataverseFault.BadRequest("The note must be bound to a case with 'objectid_incident@odata.bind'.", "0x80040203");
        }

        foreach (var (name, _) in body)
        {
            if (name is not ("subject" or "notetext" or "objectid_incident@odata.bind"))
            {
                throw DataverseFault.BadRequest($"The property '{name}' does not exist on type 'Microsoft.Dynamics.CRM.annotation'. Make sure to only use property names that are defined by the type.", "0x80060888");
            }
        }

        var note = store.AddNote(Guid.Parse(match.Groups["id"].Value), body["subject"]?.GetValue<string>(), body["notetext"]?.GetValue<string>(), org.AppUser.Id, id);
        return SimResponse.NoContent(new Dictionary<string, string> { ["OData-EntityId"] = $"{org.ApiUrl}annotations({note.Id})" });
    }

    private string ParseAlternateKey(string key)
    {
        var match = AlternateKey().Match(key);
        if (!org.AlternateKeyDefined || !match.Success || match.Groups["col"].Value != store.CorrelationKeyColumn)
        {
            throw DataverseFault.BadRequest(
                "The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.incident'. Ensure that the names and number of key properties match the declared or alternate key properties for the resource 'Microsoft.Dynamics.CRM.incident'.",
                "0x80060888");
        }

        return match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
    }

    private static Guid ParseId(string key) =>
        Guid.TryParse(key, out var id) ? id : throw DataverseFault.BadRequest($"Bad Request - Error in query syntax: '{key}' is not a valid key.", "0x80060888");

    private static DataverseFault NotFound(Guid id) => new(404, "0x80040217", $"incident With Id = {id} Does Not Exist");

    private static JsonObject ParseObject(string? body)
    {
        try
        {
            return JsonNode.Parse(body ?? "{}") as JsonObject ?? throw DataverseFault.BadRequest("The request body must be a JSON object.", "0x80048d19");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw DataverseFault.BadRequest("The request body is not valid JSON: " + e.Message, "0x80048d19");
        }
    }

    [GeneratedRegex(@"^(?<set>[a-z]+)\((?<key>(?:[^)']|'(?:[^']|'')*')*)\)(?:/(?<nav>[A-Za-z_]+))?$")]
    private static partial Regex KeyedPath();

    [GeneratedRegex(@"^(?<col>[a-z_0-9]+)='(?<value>(?:[^']|'')*)'$")]
    private static partial Regex AlternateKey();

    [GeneratedRegex(@"incidents\((?<id>[0-9a-fA-F-]{36})\)$")]
    private static partial Regex BoundIncident();
}
