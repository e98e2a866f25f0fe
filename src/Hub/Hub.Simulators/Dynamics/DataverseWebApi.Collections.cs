using System.Globalization;
using System.Text.Json.Nodes;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// Collection reads of the simulated Web API: cases and notes with query options, change tracking (initial read,
/// delta links, deleted rows, expired tokens) and paging with <c>@odata.nextLink</c>.
/// </summary>
internal sealed partial class DataverseWebApi
{
    private SimResponse ListNotes(SimRequest request, Guid? caseId)
    {
        var query = ODataListQuery.From(request, rows.NoteColumns, "annotation");
        var all = store.Notes().Where(n => caseId is null || n.CaseId == caseId).Select(DataverseRows.Note).Where(query.Filter.Matches);
        return Page(request, query, "annotations", "annotationid", all, [], new Dictionary<string, string>(), deltaLink: null);
    }

    private SimResponse ListCases(SimRequest request)
    {
        var tracked = tracking.Enabled && (request.Prefers("odata.track-changes") || request.Option("$deltatoken") is not null);
        var query = ODataListQuery.From(request, rows.CaseColumns, "incident");
        if (!tracked)
        {
            var all = store.Cases().Select(rows.Case).Where(query.Filter.Matches);
            return Page(request, query, "incidents", "incidentid", all, [], new Dictionary<string, string>(), deltaLink: null);
        }

        foreach (var option in new[] { "$filter", "$orderby", "$expand", "$top" })
        {
            if (request.Option(option) is not null)
            {
                throw DataverseFault.BadRequest($"The \"{option}\" query parameter isn't supported when Change Tracking is enabled.", "0x80040203");
            }
        }

        long? from = null;
        if (request.Option("$deltatoken") is { } text)
        {
            var token = DeltaToken.Parse(text);
            if (token.Version < tracking.ExpiredBelowVersion || time.GetUtcNow() - token.IssuedAt > tracking.Retention)
            {
                throw DataverseFault.BadRequest("Version stamp associated with the client has expired. Please perform a full sync.", "0x80044352");
            }

            from = token.Version;
        }

        var upTo = query.PagingCookie.TryGetValue("trackversion", out var pinned) ? long.Parse(pinned, CultureInfo.InvariantCulture) : store.CurrentVersion;
        var changed = store.Cases().Where(c => c.Version <= upTo && (from is null || c.Version > from)).Select(rows.Case).ToList();
        var deletions = new List<JsonObject>();
        if (from is { } since)
        {
            foreach (var (_, id) in store.DeletedSince(since).Where(d => d.Version <= upTo))
            {
                deletions.Add(new JsonObject
                {
                    ["@odata.context"] = org.ApiUrl + "$metadata#incidents/$deletedEntity",
                    ["id"] = id.ToString(),
                    ["reason"] = "deleted",
                });
            }
        }

        var select = request.Option("$select") is { } s ? "$select=" + Uri.EscapeDataString(s) + "&" : string.Empty;
        var delta = $"{org.ApiUrl}incidents?{select}$deltatoken={Uri.EscapeDataString(new DeltaToken(upTo, time.GetUtcNow()).ToString())}";
        return Page(request, query, "incidents", "incidentid", changed, deletions, new Dictionary<string, string>
        {
            ["trackversion"] = upTo.ToString(CultureInfo.InvariantCulture),
            ["istracking"] = "True",
        }, delta, isDelta: from is not null);
    }

    private SimResponse Page(SimRequest request, ODataListQuery query, string set, string key, IEnumerable<JsonObject> rowsFound, List<JsonObject> trailing, IReadOnlyDictionary<string, string> extraCookie, string? deltaLink, bool isDelta = false)
    {
        var ordered = query.Order(rowsFound, key);
        var pageSize = query.PageSize;
        if (query.Top is { } top && !request.Preferences.ContainsKey("odata.maxpagesize"))
        {
            ordered = ordered.Take(top).ToList();
            pageSize = int.MaxValue;
        }

        var remaining = query.After(ordered);
        var pageEntries = remaining.Take(pageSize).ToList();
        var more = remaining.Count > pageEntries.Count;
        var page = pageEntries.Select(e => e.Row).Concat(more ? [] : trailing).ToList();
        var values = new JsonArray();
        foreach (var row in page)
        {
            values.Add(row.ContainsKey("reason") ? row : rows.Project(row, query.Select, key, request.WantsFormattedValues));
        }

        var context = org.ApiUrl + "$metadata#" + set + (query.Select is { } cols ? "(" + string.Join(',', cols) + ")" : string.Empty) + (isDelta ? "/$delta" : string.Empty);
        var body = new JsonObject { ["@odata.context"] = context, ["value"] = values };
        var headers = new Dictionary<string, string>();
        if (request.Preferences.TryGetValue("odata.maxpagesize", out var size))
        {
            headers["Preference-Applied"] = "odata.maxpagesize=" + size;
        }

        if (more)
        {
            var cookie = ODataListQuery.Cookie(query.PageNumber + 1, new Dictionary<string, string>(extraCookie) { ["last"] = ODataListQuery.EncodeKey(pageEntries[^1].Key) });
            var rest = string.Join('&', request.Query.Where(kv => kv.Key != "$skiptoken").Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value)));
            body["@odata.nextLink"] = $"{org.ApiUrl}{set}?{rest}{(rest.Length > 0 ? "&" : string.Empty)}$skiptoken={Uri.EscapeDataString(cookie)}";
        }
        else if (deltaLink is not null)
        {
            body["@odata.deltaLink"] = deltaLink;
        }

        if (deltaLink is not null)
        {
            headers["Preference-Applied"] = headers.TryGetValue("Preference-Applied", out var applied) ? applied + ",odata.track-changes" : "odata.track-changes";
        }

        return SimResponse.Json(200, body, headers);
    }
}
