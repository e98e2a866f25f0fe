using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// One collection query: <c>$select</c>, <c>$filter</c>, <c>$orderby</c>, <c>$top</c> and paging by
/// <c>Prefer: odata.maxpagesize</c> with a <c>$skiptoken</c> paging cookie in <c>@odata.nextLink</c>.
/// </summary>
internal sealed partial class ODataListQuery
{
    public const int MaxPageSize = 5000;

    public required IReadOnlyList<string>? Select { get; init; }
    public required ODataFilter Filter { get; init; }
    public required IReadOnlyList<(string Column, bool Descending)> OrderBy { get; init; }
    public int? Top { get; init; }
    public int PageSize { get; init; } = MaxPageSize;
    public int PageNumber { get; init; } = 1;
    public IReadOnlyDictionary<string, string> PagingCookie { get; init; } = new Dictionary<string, string>();

    public static ODataListQuery From(SimRequest request, IReadOnlySet<string> columns, string entity)
    {
        var select = request.Option("$select")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var filter = ODataFilter.Parse(request.Option("$filter"));
        var orderBy = (request.Option("$orderby") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(words => (words[0], words.Length > 1 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        foreach (var column in (select ?? []).Concat(filter.Columns).Concat(orderBy.Select(o => o.Item1)))
        {
            if (!columns.Contains(column))
            {
                throw DataverseFault.BadRequest($"Could not find a property named '{column}' on type 'Microsoft.Dynamics.CRM.{entity}'.", "0x80060888");
            }
        }

        var pageSize = MaxPageSize;
        if (request.Preferences.TryGetValue("odata.maxpagesize", out var size) && int.TryParse(size, CultureInfo.InvariantCulture, out var wanted) && wanted > 0)
        {
            pageSize = Math.Min(wanted, MaxPageSize);
        }

        var cookie = ParseCookie(request.Option("$skiptoken"));
        return new ODataListQuery
        {
            Select = select,
            Filter = filter,
            OrderBy = orderBy,
            Top = int.TryParse(request.Option("$top"), CultureInfo.InvariantCulture, out var top) ? top : null,
            PageSize = pageSize,
            PageNumber = cookie.TryGetValue("pagenumber", out var page) ? int.Parse(page, CultureInfo.InvariantCulture) : 1,
            PagingCookie = cookie,
        };
    }

    /// <summary>
    /// Orders rows by <c>$orderby</c> (then by the primary key, Dataverse's default order) and returns each with its
    /// paging key, so that the next page starts after the last row seen even when rows change between pages.
    /// </summary>
    public List<(string Key, JsonObject Row)> Order(IEnumerable<JsonObject> rows, string primaryKey)
    {
        if (OrderBy.Any(o => o.Descending))
        {
            IOrderedEnumerable<JsonObject>? sorted = null;
            foreach (var (column, descending) in OrderBy)
            {
                Func<JsonObject, string> key = row => SortKey(row[column]);
                sorted = sorted is null
                    ? descending ? rows.OrderByDescending(key, StringComparer.Ordinal) : rows.OrderBy(key, StringComparer.Ordinal)
                    : descending ? sorted.ThenByDescending(key, StringComparer.Ordinal) : sorted.ThenBy(key, StringComparer.Ordinal);
            }

            return sorted!.Select((row, index) => (index.ToString("D10", CultureInfo.InvariantCulture), row)).ToList();
        }

        return rows
            .Select(row => (Key: string.Join('\u0001', OrderBy.Select(o => SortKey(row[o.Column])).Append(SortKey(row[primaryKey]))), Row: row))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The rows of this page: those after the paging cookie's last key.</summary>
    public List<(string Key, JsonObject Row)> After(List<(string Key, JsonObject Row)> ordered)
    {
        if (!PagingCookie.TryGetValue("last", out var encoded))
        {
            return ordered;
        }

        var last = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        return ordered.Where(entry => string.CompareOrdinal(entry.Key, last) > 0).ToList();
    }

    public static string EncodeKey(string key) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>A paging cookie the way Dataverse writes one into <c>$skiptoken</c>.</summary>
    public static string Cookie(int nextPage, IReadOnlyDictionary<string, string> extra)
    {
        var attributes = string.Concat(extra.Select(kv => $" {kv.Key}=\"{kv.Value}\""));
        return $"<cookie pagenumber=\"{nextPage}\"{attributes} />";
    }

    private static Dictionary<string, string> ParseCookie(string? token)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(token))
        {
            return result;
        }

        foreach (Match match in CookieAttribute().Matches(token))
        {
            result[match.Groups["name"].Value] = match.Groups["value"].Value;
        }

        if (!result.ContainsKey("pagenumber"))
        {
            throw DataverseFault.BadRequest("The $skiptoken is not a valid paging cookie.", "0x80040203");
        }

        return result;
    }

    private static string SortKey(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString("D20", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    [GeneratedRegex("(?<name>[a-z]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex CookieAttribute();
}
