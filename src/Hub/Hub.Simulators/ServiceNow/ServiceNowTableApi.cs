using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Hub.Simulators.ServiceNow;

/// <summary>
/// The HTTP face of the simulated instance: <c>/api/now/table/{table}</c> (v1 and v2 paths) for incident,
/// sys_journal_field, sys_user, sys_user_group and sys_choice, and the OAuth token endpoint <c>/oauth_token.do</c>.
/// Requests need Basic authentication of the integration user or a bearer token the token endpoint issued.
/// </summary>
internal sealed class ServiceNowTableApi(ServiceNowInstance instance, ServiceNowFaults faults, ServiceNowSimulatorOptions options)
{
    /// <summary>The longest request line the instance's load balancer takes (about 8 KB) [inference: a typical front end's limit].</summary>
    private const int MaxUrlLength = 8192;

    private readonly List<string> log = [];
    private readonly Dictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> refreshTokens = new(StringComparer.Ordinal);
    private readonly List<string> grants = [];
    private int incidentPagesServed;

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public int TokensIssued => grants.Count;

    /// <summary>The grant type of every access token issued, in order.</summary>
    public IReadOnlyList<string> Grants
    {
        get
        {
            lock (instance.Gate)
            {
                return [.. grants];
            }
        }
    }

    public Action<int>? AfterIncidentPage { get; set; }

    public void ClearLog()
    {
        lock (log)
        {
            log.Clear();
        }
    }

    public void RevokeTokens()
    {
        lock (instance.Gate)
        {
            accessTokens.Clear();
        }
    }

    public Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var method = request.Method.ToUpperInvariant();
        var query = QueryOf(request.RawQuery);
        var body = request.Body ?? request.BodyData?.BodyAsString;
        Reply reply;
        try
        {
            reply = Answer(method, request.Path, request.RawQuery, query, body, HeaderOf(request, "Authorization"), HeaderOf(request, "Content-Type"));
        }
        catch (ServiceNowApiError error)
        {
            reply = new Reply(error.Status, error.Body);
        }

        lock (log)
        {
            log.Add($"{method} {request.Path}{(request.RawQuery is { Length: > 0 } q ? (q.StartsWith('?') ? q : "?" + q) : string.Empty)} → {reply.Status}");
        }

        if (reply.Status == 200 && method == "GET" && IsIncidentList(request.Path) && AfterIncidentPage is { } hook)
        {
            hook(Interlocked.Increment(ref incidentPagesServed)); // outside the instance's lock: the hook may act as a person
        }

        return Task.FromResult<IResponseMessage>(ToResponse(reply));
    }

    private Reply Answer(string method, string path, string? rawQuery, Dictionary<string, string> query, string? body, string? authorization, string? contentType)
    {
        if (path.TrimEnd('/') == "/oauth_token.do" && method == "POST")
        {
            return IssueToken(body, contentType);
        }

        if (path.Length + (rawQuery?.Length ?? 0) > MaxUrlLength)
        {
            return new Reply(414, "<html><body>414 Request-URI Too Large</body></html>");
        }

        if (faults.Next() is { } fault)
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (fault.Throttled)
            {
                var reset = options.Time.GetUtcNow() + (fault.RetryAfter ?? TimeSpan.FromMinutes(10));
                headers["X-RateLimit-Limit"] = "3600";
                headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Rule"] = "2c6fd1bfdb412300e6f2f2f7bf9619a1";
                if (fault.RetryAfter is { } wait)
                {
                    headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
            }

            return new Reply(fault.Status, ServiceNowApiError.BodyOf(fault.Message, fault.Detail), headers);
        }

        var user = UserOf(authorization) ?? throw new ServiceNowApiError(401, "User Not Authenticated", "Required to provide Auth information");
        lock (instance.Gate)
        {
            var (table, id) = Route(path);
            var reply = (method, table, id) switch
            {
                ("GET", _, null) => List(table, query),
                ("GET", "incident", { } sysId) => One(instance.Get(sysId), query),
                ("POST", "incident", null) => Create(body, contentType, user, query),
                ("PATCH" or "PUT", "incident", { } sysId) => Update(instance.Get(sysId), body, contentType, user, query),
                _ => throw new ServiceNowApiError(400, "Requested URI does not represent any resource", $"{method} {path}"),
            };
            if (method is "POST" or "PATCH" or "PUT" && faults.LoseThisAnswer())
            {
                return new Reply(502, "<html><body>Bad Gateway</body></html>");
            }

            return reply;
        }
    }

    private static (string Table, string? Id) Route(string path)
    {
        var segments = path.Trim('/').Split('/');
        return segments switch
        {
            ["api", "now", "table", var table] => (table, null),
            ["api", "now", "v1" or "v2", "table", var table] => (table, null),
            ["api", "now", "table", var table, var id] => (table, id),
            ["api", "now", "v1" or "v2", "table", var table, var id] => (table, id),
            _ => throw new ServiceNowApiError(400, "Requested URI does not represent any resource", path),
        };
    }

    private static bool IsIncidentList(string path)
    {
        try
        {
            return Route(path) is ("incident", null);
        }
        catch (ServiceNowApiError)
        {
            return false;
        }
    }

    private Reply List(string table, Dictionary<string, string> query)
    {
        var display = query.GetValueOrDefault("sysparm_display_value", "false");
        var excludeLinks = query.GetValueOrDefault("sysparm_exclude_reference_link", "false") == "true";
        var limit = Number(query, "sysparm_limit", 10000);
        var offset = Number(query, "sysparm_offset", 0);
        var fields = FieldsOf(query);
        List<JsonNode> rows;
        int total;
        if (table == "incident")
        {
            var columns = instance.Incidents.FirstOrDefault()?.Values.Keys.ToHashSet(StringComparer.Ordinal) ?? new SimulatedIncident("x", "x").Values.Keys.ToHashSet(StringComparer.Ordinal);
            columns.UnionWith(["sys_created_on", "sys_created_by", "sys_updated_on", "sys_updated_by"]);
            var filter = EncodedQuery.Parse(query.GetValueOrDefault("sysparm_query"), columns);
            var matching = filter.Sort(instance.Incidents.Where(i => filter.Matches(i.Values)), i => i.Values).ToList();
            total = matching.Count;
            rows = [.. matching.Skip(offset).Take(limit).Select(i => (JsonNode)Serialize(i, fields, display, excludeLinks))];
        }
        else
        {
            var source = table switch
            {
                "sys_journal_field" => instance.Journal.Select(j => j.Values).ToList(),
                "sys_user" => instance.Users,
                "sys_user_group" => instance.Groups,
                "sys_choice" => [.. instance.Choices.Select(c => new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["name"] = "incident", ["element"] = c.Element, ["value"] = c.Value, ["label"] = c.Label, ["inactive"] = "false", ["language"] = "en",
                })],
                _ => throw new ServiceNowApiError(400, "Invalid table " + table, null),
            };
            var columns = source.FirstOrDefault()?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
            var filter = EncodedQuery.Parse(query.GetValueOrDefault("sysparm_query"), columns);
            var matching = filter.Sort(source.Where(filter.Matches), r => r).ToList();
            total = matching.Count;
            rows = [.. matching.Skip(offset).Take(limit).Select(r => (JsonNode)new JsonObject([.. r.Where(p => fields is null || fields.Contains(p.Key))
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))]))];
        }

        return new Reply(200, new JsonObject { ["result"] = new JsonArray([.. rows]) }.ToJsonString(),
            new Dictionary<string, string> { ["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture) });
    }

    private Reply One(SimulatedIncident incident, Dictionary<string, string> query) =>
        new(200, new JsonObject { ["result"] = Serialize(incident, FieldsOf(query), query.GetValueOrDefault("sysparm_display_value", "false"), query.GetValueOrDefault("sysparm_exclude_reference_link") == "true") }.ToJsonString());

    private Reply Create(string? body, string? contentType, string user, Dictionary<string, string> query)
    {
        var columns = ColumnsOf(body, contentType);
        var incident = instance.NewIncident(user);
        try
        {
            instance.Write(incident, columns, user, creating: true);
        }
        catch
        {
            instance.Incidents.Remove(incident);
            throw;
        }

        return new Reply(201, new JsonObject { ["result"] = Serialize(incident, FieldsOf(query), "false", query.GetValueOrDefault("sysparm_exclude_reference_link") == "true") }.ToJsonString(),
            new Dictionary<string, string> { ["Location"] = $"/api/now/table/incident/{incident.SysId}" });
    }

    private Reply Update(SimulatedIncident incident, string? body, string? contentType, string user, Dictionary<string, string> query)
    {
        instance.Write(incident, ColumnsOf(body, contentType), user, creating: false);
        return new Reply(200, new JsonObject { ["result"] = Serialize(incident, FieldsOf(query), "false", query.GetValueOrDefault("sysparm_exclude_reference_link") == "true") }.ToJsonString());
    }

    private JsonObject Serialize(SimulatedIncident incident, HashSet<string>? fields, string display, bool excludeLinks)
    {
        var row = new JsonObject();
        foreach (var column in incident.Values.Keys.Concat(["comments", "work_notes"]).Where(c => fields is null || fields.Contains(c)))
        {
            if (incident.RawJson.TryGetValue(column, out var raw))
            {
                row[column] = JsonNode.Parse(raw);
                continue;
            }

            var value = incident.Values.GetValueOrDefault(column, string.Empty);
            var shown = display is "true" or "all" ? instance.DisplayOf(incident, column) : column is "comments" or "work_notes" ? string.Empty : value;
            var link = $"https://instance.service-now.com/api/now/table/{(column == "caller_id" ? "sys_user" : column == "assignment_group" ? "sys_user_group" : "cmn_location")}/{value}";
            row[column] = (display, ServiceNowInstance.IsReference(column) && value.Length > 0) switch
            {
                ("all", true) when !excludeLinks => new JsonObject { ["display_value"] = shown, ["value"] = value, ["link"] = link },
                ("all", _) => new JsonObject { ["display_value"] = shown, ["value"] = value },
                (_, true) when !excludeLinks => display == "true" ? new JsonObject { ["display_value"] = shown, ["link"] = link } : new JsonObject { ["link"] = link, ["value"] = value },
                _ => shown,
            };
        }

        return row;
    }

    private static Dictionary<string, string> ColumnsOf(string? body, string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ServiceNowApiError(415, "Unsupported Media Type", "send application/json");
        }

        try
        {
            var json = JsonNode.Parse(body ?? string.Empty) as JsonObject ?? throw new ServiceNowApiError(400, "Exception while reading request", "The payload is not a JSON object");
            return json.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? string.Empty, StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new ServiceNowApiError(400, "Exception while reading request", e.Message);
        }
    }

    private Reply IssueToken(string? body, string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new Reply(400, """{"error_description":"access_denied","error":"server_error"}""");
        }

        var form = QueryOf(body);
        var denied = new Reply(401, """{"error_description":"access_denied","error":"server_error"}""");
        if (form.GetValueOrDefault("client_id") != options.ClientId || form.GetValueOrDefault("client_secret") != options.ClientSecret)
        {
            return denied;
        }

        lock (instance.Gate)
        {
            var grant = form.GetValueOrDefault("grant_type");
            string? refresh = null;
            switch (grant)
            {
                case "client_credentials" when options.ClientCredentialsEnabled:
                    break;
                case "password" when form.GetValueOrDefault("username") == options.Username && form.GetValueOrDefault("password") == options.Password:
                    refresh = Guid.NewGuid().ToString("N");
                    refreshTokens.Add(refresh);
                    break;
                case "refresh_token" when form.GetValueOrDefault("refresh_token") is { } given && refreshTokens.Contains(given):
                    break;
                default:
                    return denied;
            }

            var token = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
            accessTokens[token] = options.Time.GetUtcNow() + options.AccessTokenLifespan;
            grants.Add(grant!);
            var answer = new JsonObject
            {
                ["access_token"] = token,
                ["scope"] = "useraccount",
                ["token_type"] = "Bearer",
                ["expires_in"] = (int)options.AccessTokenLifespan.TotalSeconds - 1,
            };
            if (refresh is not null)
            {
                answer["refresh_token"] = refresh;
            }

            return new Reply(200, answer.ToJsonString());
        }
    }

    /// <summary>The user a request acts as: the integration user for its Basic credentials or a live token; null otherwise.</summary>
    private string? UserOf(string? authorization)
    {
        if (authorization is null)
        {
            return null;
        }

        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            return authorization[6..] == expected ? options.Username : null;
        }

        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            lock (instance.Gate)
            {
                return accessTokens.TryGetValue(authorization[7..], out var expires) && expires > options.Time.GetUtcNow() ? options.Username : null;
            }
        }

        return null;
    }

    private static HashSet<string>? FieldsOf(Dictionary<string, string> query) =>
        query.TryGetValue("sysparm_fields", out var list) && list.Length > 0
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;

    private static int Number(Dictionary<string, string> query, string name, int fallback) =>
        !query.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ServiceNowApiError(400, $"Invalid {name}", text);

    private static string? HeaderOf(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    private static Dictionary<string, string> QueryOf(string? raw) => QueryString.Parse(raw);

    private static ResponseMessage ToResponse(Reply reply)
    {
        var headers = reply.Headers.ToDictionary(h => h.Key, h => new WireMockList<string>(h.Value));
        headers["Content-Type"] = new WireMockList<string>("application/json;charset=UTF-8");
        return new ResponseMessage
        {
            StatusCode = reply.Status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }

    private sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? ExtraHeaders = null)
    {
        public IReadOnlyDictionary<string, string> Headers => ExtraHeaders ?? new Dictionary<string, string>();
    }
}
