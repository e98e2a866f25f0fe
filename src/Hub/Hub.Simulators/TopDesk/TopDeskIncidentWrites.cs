using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Simulators.TopDesk;

/// <summary>
/// Applies a POST or PATCH body to an incident the way TOPdesk validates it: unknown fields, over-long text,
/// an id and a name together, an id that does not exist, a subcategory outside its category and a line change
/// are refused before anything is changed. <c>action</c> adds a progress entry by the calling operator.
/// </summary>
internal static class TopDeskIncidentWrites
{
    private static readonly HashSet<string> Writable =
    [
        "caller", "callerLookup", "status", "briefDescription", "request", "action", "actionInvisibleForCaller",
        "category", "subcategory", "priority", "processingStatus", "operatorGroup", "externalNumber", "targetDate",
        "completed", "closed", "entryType", "callType", "impact", "urgency", "externalLink", "onHold",
    ];

    public static void Apply(TopDeskTenant tenant, SimulatedIncident incident, JsonObject body, bool creating, SimulatedRef by)
    {
        var edits = new List<Action<SimulatedIncident>>();
        foreach (var (key, value) in body)
        {
            if (!Writable.Contains(key))
            {
                throw new TopDeskApiError(400, $"Unknown field: {key}");
            }

            edits.Add(Edit(tenant, key, value, body, creating, by));
        }

        foreach (var edit in edits)
        {
            edit(incident);
        }

        incident.Touch(tenant.Now, by);
    }

    private static Action<SimulatedIncident> Edit(TopDeskTenant tenant, string key, JsonNode? value, JsonObject body, bool creating, SimulatedRef by)
    {
        switch (key)
        {
            case "briefDescription":
                var brief = Text(value, key, 80) ?? string.Empty;
                return i => i.BriefDescription = brief;
            case "externalNumber":
                var external = Text(value, key, 60) ?? string.Empty;
                return i => i.ExternalNumber = external;
            case "request":
                var request = Text(value, key, int.MaxValue) ?? string.Empty;
                return i => i.Request = string.IsNullOrEmpty(i.Request) ? request : request + "<br><br>" + i.Request;
            case "status":
                var line = Line(value, creating);
                return i => i.Line = line;
            case "caller":
                return Caller(value);
            case "callerLookup":
                throw new TopDeskApiError(400, "callerLookup: no person with the 'Caller' checkbox matches the lookup value.");
            case "action":
                var html = Text(value, key, int.MaxValue);
                var hidden = Flag(body["actionInvisibleForCaller"], "actionInvisibleForCaller") ?? false;
                return i =>
                {
                    if (!string.IsNullOrEmpty(html))
                    {
                        tenant.AddAction(i, html, hidden, by);
                    }
                };
            case "category":
                var category = Pick(value, key, tenant.Lookups.Categories);
                return i => i.Category = category;
            case "subcategory":
                return Subcategory(tenant, value, body);
            case "priority":
                var priority = Pick(value, key, tenant.Lookups.Priorities);
                return i => i.Priority = priority;
            case "processingStatus":
                var status = Pick(value, key, [.. tenant.Lookups.Statuses.Select(s => s.Ref)]);
                return i => i.ProcessingStatus = status;
            case "operatorGroup":
                var group = Pick(value, key, tenant.Lookups.OperatorGroups);
                return i => i.OperatorGroup = group;
            case "targetDate":
                var target = Date(value, key);
                return i => i.TargetDate = target;
            case "completed":
                var completed = Flag(value, key);
                return i => Complete(i, completed, tenant.Now);
            case "closed":
                var closed = Flag(value, key);
                return i => Close(i, closed, tenant.Now);
            default:
                _ = Flag(body["actionInvisibleForCaller"], "actionInvisibleForCaller");
                return _ => { }; // accepted fields the simulation does not keep (entry type, impact, ...)
        }
    }

    private static void Complete(SimulatedIncident incident, bool? value, DateTimeOffset now)
    {
        if (value is not { } completed)
        {
            return;
        }

        incident.Completed = completed;
        incident.CompletedDate = completed ? incident.CompletedDate ?? now : null;
        if (!completed)
        {
            Close(incident, false, now);
        }
    }

    private static void Close(SimulatedIncident incident, bool? value, DateTimeOffset now)
    {
        if (value is not { } closed)
        {
            return;
        }

        incident.Closed = closed;
        incident.ClosedDate = closed ? incident.ClosedDate ?? now : null;
        if (closed && !incident.Completed)
        {
            incident.Completed = true;
            incident.CompletedDate = now;
        }
    }

    private static string Line(JsonNode? value, bool creating)
    {
        if (!creating)
        {
            throw new TopDeskApiError(400, "status: the line of an incident cannot be changed here; use /escalate or /deescalate.");
        }

        var line = Text(value, "status", 20);
        return line switch
        {
            "firstLine" or "secondLine" => line,
            "partial" => throw new TopDeskApiError(400, "mainIncident: a partial incident needs a main incident."),
            _ => throw new TopDeskApiError(400, $"status: '{line}' is not one of firstLine, secondLine, partial."),
        };
    }

    private static Action<SimulatedIncident> Caller(JsonNode? value)
    {
        if (value is not JsonObject caller)
        {
            throw new TopDeskApiError(400, "caller: must be an object.");
        }

        var name = Text(caller["dynamicName"], "caller.dynamicName", 109);
        var email = Text(caller["email"], "caller.email", 100);
        var phone = Text(caller["phoneNumber"], "caller.phoneNumber", 25);
        return i => (i.CallerName, i.CallerEmail, i.CallerPhone) = (name, email, phone);
    }

    private static Action<SimulatedIncident> Subcategory(TopDeskTenant tenant, JsonNode? value, JsonObject body)
    {
        var subcategory = Pick(value, "subcategory", [.. tenant.Lookups.Subcategories.Select(s => s.Subcategory)]);
        if (subcategory is null)
        {
            return i => i.Subcategory = null;
        }

        var owner = tenant.Lookups.Subcategories.First(s => s.Subcategory.Id == subcategory.Id).Category;
        var category = body.ContainsKey("category") ? Pick(body["category"], "category", tenant.Lookups.Categories) : null;
        if (category is not null && category.Id != owner.Id)
        {
            throw new TopDeskApiError(400, $"subcategory: '{subcategory.Name}' does not belong to category '{category.Name}'.");
        }

        return i => (i.Subcategory, i.Category) = (subcategory, category ?? owner);
    }

    /// <summary>A search-list value given as {id} or {name} (never both); an unknown id is a 404 as in TOPdesk.</summary>
    private static SimulatedRef? Pick(JsonNode? value, string field, IReadOnlyList<SimulatedRef> list)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not JsonObject reference)
        {
            throw new TopDeskApiError(400, $"{field}: must be an object with an id or a name.");
        }

        var id = reference["id"]?.GetValue<string>();
        var name = reference["name"]?.GetValue<string>();
        return (id, name) switch
        {
            ({ }, { }) => throw new TopDeskApiError(400, $"{field}: it is an error to provide both an id and a name."),
            ({ } byId, null) => list.FirstOrDefault(r => string.Equals(r.Id, byId, StringComparison.OrdinalIgnoreCase))
                                ?? throw new TopDeskApiError(404, $"{field}: a field with an id value which is not existing in the database ({byId})."),
            (null, { } byName) => list.FirstOrDefault(r => string.Equals(r.Name, byName, StringComparison.OrdinalIgnoreCase))
                                  ?? throw new TopDeskApiError(400, $"{field}: no value named '{byName}'."),
            _ => throw new TopDeskApiError(400, $"{field}: give an id or a name."),
        };
    }

    private static string? Text(JsonNode? value, string field, int max)
    {
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            throw new TopDeskApiError(400, $"{field}: must be a string.");
        }

        var text = value.GetValue<string>();
        return text.Length <= max ? text : throw new TopDeskApiError(400, $"{field}: the value is too long ({text.Length} characters, at most {max}).");
    }

    private static bool? Flag(JsonNode? value, string field) => value?.GetValueKind() switch
    {
        null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new TopDeskApiError(400, $"{field}: must be true or false."),
    };

    private static DateTimeOffset? Date(JsonNode? value, string field)
    {
        var text = Text(value, field, 64);
        if (text is null)
        {
            return null;
        }

        return TopDeskClock.TryParse(text, out var date) ? date : throw new TopDeskApiError(400, $"{field}: '{text}' is not a valid date.");
    }
}
