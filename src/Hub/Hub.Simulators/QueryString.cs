namespace Hub.Simulators;

/// <summary>Decodes a query string or a form body as servlet containers do: '+' is a space, %XX a byte of UTF-8; the last of a repeated name wins.</summary>
internal static class QueryString
{
    public static Dictionary<string, string> Parse(string? raw)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (raw ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            query[name] = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
        }

        return query;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
