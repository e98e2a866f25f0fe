using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Hub.Simulators.TopDesk;

/// <summary>
/// The HTTP face of the simulated TOPdesk under <c>/tas/api</c>: checks Basic authentication, applies injected
/// faults, routes to the incident, look-up and operator endpoints and records every request.
/// </summary>
internal sealed class TopDeskApi(TopDeskTenant tenant, TopDeskFaults faults, string username, string password)
{
    private const string Prefix = "/tas/api";
    private readonly List<SimulatedRequest> log = [];
    private int inFlight;
    private int mostInFlight;
    private int incidentPagesServed;
    private readonly string expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    public IReadOnlyList<SimulatedRequest> Log
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public void ClearLog()
    {
        lock (log)
        {
            log.Clear();
        }

        Volatile.Write(ref mostInFlight, 0);
    }

    /// <summary>The most requests the simulator was answering at the same moment since the log was cleared.</summary>
    public int MostInFlight => Volatile.Read(ref mostInFlight);

    /// <summary>Called with the page's number (1 = the first) after a page of incidents was made, before it is sent.</summary>
    public Action<int>? AfterIncidentPage { get; set; }

    public async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var most = Volatile.Read(ref mostInFlight); now > most; most = Volatile.Read(ref mostInFlight))
        {
            Interlocked.CompareExchange(ref mostInFlight, now, most);
        }

        try
        {
            return await AnswerAsync(request);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var fault = faults.Next(request.Method);
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency);
        }

        var query = QueryOf(request.RawQuery);
        var body = request.Body ?? request.BodyData?.BodyAsString;
        TopDeskReply reply;
        if (fault.Fails)
        {
            reply = new TopDeskReply(fault.Status, fault.Body, fault.RetryAfter);
        }
        else if (!string.Equals(HeaderOf(request, "Authorization"), expectedAuthorization, StringComparison.Ordinal))
        {
            reply = new TopDeskReply(401, TopDeskApiError.BodyOf(TopDeskErrorShape.MessageList, "No authentication token provided or the credentials are not valid.", null, "unauthorized"));
        }
        else if (request.Method.ToUpperInvariant() is "POST" or "PATCH" or "PUT" && !IsJsonInUtf8(HeaderOf(request, "Content-Type")))
        {
            reply = new TopDeskReply(415, TopDeskApiError.BodyOf(TopDeskErrorShape.MessageList, "Unsupported media type: send application/json in UTF-8.", null, "unsupported_media_type"));
        }
        else
        {
            reply = Handle(request.Method.ToUpperInvariant(), request.Path, query, body);
        }

        lock (log)
        {
            log.Add(new SimulatedRequest(request.Method.ToUpperInvariant(), request.Path, string.Join("&", query.Select(p => $"{p.Key}={p.Value}")), reply.Status, body, tenant.Now));
        }

        if (reply.Status is 200 or 206 && request.Method.Equals("GET", StringComparison.OrdinalIgnoreCase)
            && request.Path.TrimEnd('/') == Prefix + "/incidents" && AfterIncidentPage is { } hook)
        {
            hook(Interlocked.Increment(ref incidentPagesServed)); // outside the tenant's lock: the hook may act as a person
        }

        return ToResponse(reply);
    }

    private static string? HeaderOf(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    private static bool IsJsonInUtf8(string? contentType) =>
        contentType is not null
        && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        && (!contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) || contentType.Contains("utf-8", StringComparison.OrdinalIgnoreCase));

    private TopDeskReply Handle(string method, string path, Dictionary<string, string> query, string? body)
    {
        try
        {
            lock (tenant.Gate)
            {
                var reply = Route(method, path, query, body);
                if (method is "POST" or "PATCH" or "PUT" && reply.Status < 300 && faults.LoseThisAnswer() is { } lost)
                {
                    return new TopDeskReply(lost, TopDeskApiError.BodyOf(TopDeskErrorShape.MessageList, "Bad gateway", null, "bad_gateway"));
                }

                return reply;
            }
        }
        catch (TopDeskApiError error)
        {
            return new TopDeskReply(error.Status, error.Body);
        }
    }

    private TopDeskReply Route(string method, string path, Dictionary<string, string> query, string? body)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new TopDeskApiError(404, "Not found");
        }

        var segments = path[Prefix.Length..].Trim('/').Split('/');
        if (segments[0] == "incidents" && !tenant.HubOperatorHasIncidentRights)
        {
            throw new TopDeskApiError(403, "No permission to access the data.");
        }

        return (method, segments) switch
        {
            ("GET", ["incidents"]) => ListIncidents(query),
            ("POST", ["incidents"]) => CreateIncident(body),
            ("GET", ["incidents", "id", var id]) => TopDeskReply.Json(200, TopDeskIncidentJson.Incident(tenant.Get(id), false, null)),
            ("GET", ["incidents", "number", var number]) => TopDeskReply.Json(200, TopDeskIncidentJson.Incident(tenant.GetByNumber(Uri.UnescapeDataString(number)), false, null)),
            ("PATCH" or "PUT", ["incidents", "id", var id]) => UpdateIncident(id, body),
            ("GET", ["incidents", "id", var id, "actions"]) => ListActions(id, query),
            ("GET", ["incidents", "statuses"]) => TopDeskReply.Json(200, new JsonArray([.. tenant.Lookups.Statuses.Select(Status)])),
            ("GET", ["incidents", "categories"]) => TopDeskReply.Json(200, new JsonArray([.. tenant.Lookups.Categories.Select(TopDeskIncidentJson.Ref)])),
            ("GET", ["incidents", "subcategories"]) => TopDeskReply.Json(200, new JsonArray([.. tenant.Lookups.Subcategories.Select(Subcategory)])),
            ("GET", ["incidents", "priorities"]) => TopDeskReply.Json(200, new JsonArray([.. tenant.Lookups.Priorities.Select(Priority)])),
            ("GET", ["operatorgroups"]) => ListOperatorGroups(query),
            ("GET", ["operators", "current"]) => TopDeskReply.Json(200, CurrentOperator()),
            ("GET", ["version"]) => TopDeskReply.Json(200, new JsonObject { ["version"] = "3.9.1" }),
            _ => throw new TopDeskApiError(404, $"No endpoint {method} {path}."),
        };
    }

    private TopDeskReply ListIncidents(Dictionary<string, string> query)
    {
        var start = Number(query, "pageStart", 0, 0, int.MaxValue);
        var size = Number(query, "pageSize", 10, 1, 10000);
        var all = query.TryGetValue("all", out var allText) && bool.TryParse(allText, out var allFlag) && allFlag;
        var iso = query.TryGetValue("dateFormat", out var format) && format == "iso8601";
        var fields = query.TryGetValue("fields", out var fieldList) && fieldList.Length > 0
            ? fieldList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        var filter = FiqlFilter.Parse(query.GetValueOrDefault("query"));
        var matching = Sort(tenant.Incidents.Where(i => all || (!i.Archived && i.Line != "partial")).Where(filter), query.GetValueOrDefault("sort")).ToList();
        var page = matching.Skip(start).Take(size).ToList();
        return TopDeskReply.Page(page.Select(i => (JsonNode)TopDeskIncidentJson.Incident(i, iso, fields)), start, page.Count, matching.Count);
    }

    /// <summary>
    /// TOPdesk's <c>sort=field[:asc|:desc],...</c>: one or more fields, each ascending unless ":desc". Incidents that
    /// tie on every field keep the order they are stored in (TOPdesk promises no order for them either).
    /// </summary>
    private static IEnumerable<SimulatedIncident> Sort(IEnumerable<SimulatedIncident> incidents, string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return incidents;
        }

        IOrderedEnumerable<SimulatedIncident>? sorted = null;
        foreach (var part in sort.Split(',', StringSplitOptions.TrimEntries))
        {
            var (field, direction) = part.Split(':') switch
            {
                [var f] => (f, "asc"),
                [var f, var d] when d is "asc" or "desc" => (f, d),
                _ => throw new TopDeskApiError(400, $"sort: '{part}' is not field:asc or field:desc."),
            };
            var key = SortKeyOf(field);
            var descending = direction == "desc";
            sorted = sorted is null
                ? descending ? incidents.OrderByDescending(key, SortOrder) : incidents.OrderBy(key, SortOrder)
                : descending ? sorted.ThenByDescending(key, SortOrder) : sorted.ThenBy(key, SortOrder);
        }

        return sorted ?? incidents;
    }

    /// <summary>Texts (ids, numbers) in ordinal order, the rest by their own comparison; empty first.</summary>
    private static readonly Comparer<IComparable?> SortOrder = Comparer<IComparable?>.Create((a, b) =>
        a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<IComparable?>.Default.Compare(a, b));

    private static Func<SimulatedIncident, IComparable?> SortKeyOf(string field) => field switch
    {
        "modificationDate" => i => i.ModificationDate,
        "creationDate" or "callDate" => i => i.CreationDate,
        "targetDate" => i => i.TargetDate,
        "closedDate" => i => i.ClosedDate,
        "number" => i => i.Number,
        "id" => i => i.Id,
        "externalLinks" or "escalationStatus" or "action" or "attachments" or "partialIncidents" or "partialIncidents.link" =>
            throw new TopDeskApiError(400, $"sort: sorting on '{field}' is not allowed."),
        _ => throw new TopDeskApiError(400, $"sort: unknown field '{field}'."),
    };

    private TopDeskReply CreateIncident(string? body)
    {
        var json = ObjectOf(body);
        var incident = tenant.NewIncident(tenant.HubOperator);
        try
        {
            incident.ProcessingStatus = tenant.Lookups.Statuses.First(s => s.IsDefault).Ref;
            incident.Priority = tenant.Lookups.DefaultPriority;
            TopDeskIncidentWrites.Apply(tenant, incident, json, creating: true, tenant.HubOperator);
        }
        catch
        {
            tenant.Discard(incident);
            throw;
        }

        return TopDeskReply.Json(201, TopDeskIncidentJson.Incident(incident, false, null));
    }

    private TopDeskReply UpdateIncident(string id, string? body)
    {
        var incident = tenant.Get(id);
        if (incident.Archived)
        {
            throw new TopDeskApiError(403, "The incident is archived.");
        }

        TopDeskIncidentWrites.Apply(tenant, incident, ObjectOf(body), creating: false, tenant.HubOperator);
        return TopDeskReply.Json(200, TopDeskIncidentJson.Incident(incident, false, null));
    }

    private TopDeskReply ListActions(string id, Dictionary<string, string> query)
    {
        var incident = tenant.Get(id);
        var start = Number(query, "start", 0, 0, int.MaxValue);
        var size = Number(query, "page_size", 10, 1, 100);
        var newestFirst = incident.Actions.OrderByDescending(a => a.EntryDate).ToList();
        var page = newestFirst.Skip(start).Take(size).ToList();
        return TopDeskReply.Page(page.Select(a => (JsonNode)TopDeskIncidentJson.Action(a)), start, page.Count, newestFirst.Count);
    }

    private TopDeskReply ListOperatorGroups(Dictionary<string, string> query)
    {
        var start = Number(query, "start", 0, 0, int.MaxValue, TopDeskErrorShape.ErrorsObject);
        var size = Number(query, "page_size", 10, 1, 100, TopDeskErrorShape.ErrorsObject);
        var groups = tenant.Lookups.OperatorGroups;
        var page = groups.Skip(start).Take(size).Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Id,
            ["status"] = "operatorGroup",
            ["groupName"] = g.Name,
            ["branch"] = null,
            ["location"] = null,
            ["contact"] = null,
            ["firstLineCallOperator"] = true,
            ["secondLineCallOperator"] = true,
            ["externalHelpDeskParty"] = false,
            ["accessRoles"] = new JsonArray(),
        }).ToList();
        return TopDeskReply.Page(page, start, page.Count, groups.Count);
    }

    private JsonObject CurrentOperator() => new()
    {
        ["id"] = tenant.HubOperator.Id,
        ["principalId"] = null,
        ["status"] = "operator",
        ["surName"] = "Koppeling",
        ["firstName"] = "Hub",
        ["dynamicName"] = tenant.HubOperator.Name,
        ["email"] = null,
        ["loginName"] = tenant.HubLoginName,
        ["loginPermission"] = true,
        ["apiAccount"] = true,
        ["hasApplicationPasswords"] = true,
        ["firstLineCallOperator"] = tenant.HubOperatorHasIncidentRights,
        ["secondLineCallOperator"] = tenant.HubOperatorHasIncidentRights,
    };

    private static JsonNode Status(TopDeskProcessingStatus s) => new JsonObject
    {
        ["id"] = s.Ref.Id,
        ["name"] = s.Ref.Name,
        ["onHold"] = s.OnHold,
        ["processingState"] = s.ProcessingState,
        ["response"] = false,
        ["default"] = s.IsDefault,
    };

    private static JsonNode Subcategory((SimulatedRef Subcategory, SimulatedRef Category) s) => new JsonObject
    {
        ["id"] = s.Subcategory.Id,
        ["name"] = s.Subcategory.Name,
        ["category"] = TopDeskIncidentJson.Ref(s.Category),
    };

    private static JsonNode Priority(SimulatedRef p) => new JsonObject
    {
        ["id"] = p.Id,
        ["name"] = p.Name,
        ["firstLineDuration"] = null,
        ["secondLineDuration"] = null,
    };

    private static JsonObject ObjectOf(string? body)
    {
        try
        {
            return JsonNode.Parse(body ?? string.Empty) as JsonObject ?? throw new TopDeskApiError(400, "The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new TopDeskApiError(400, $"The body is not valid JSON: {ex.Message}");
        }
    }

    private static int Number(Dictionary<string, string> query, string name, int fallback, int min, int max, TopDeskErrorShape shape = TopDeskErrorShape.MessageList)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new TopDeskApiError(400, $"{name}: must be a number from {min} to {max}.", shape, name, "invalid_parameter");
    }

    private static Dictionary<string, string> QueryOf(string? raw) => QueryString.Parse(raw);

    private static ResponseMessage ToResponse(TopDeskReply reply)
    {
        var headers = new Dictionary<string, WireMockList<string>>();
        var response = new ResponseMessage { StatusCode = reply.Status, Headers = headers };
        if (reply.RetryAfter is { } wait)
        {
            headers["Retry-After"] = new WireMockList<string>(((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        if (reply.Body is not null)
        {
            headers["Content-Type"] = new WireMockList<string>("application/json;charset=UTF-8");
            response.BodyData = new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
        }

        return response;
    }
}
