namespace Hub.Simulators.Dynamics;

/// <summary>A request to the simulated Web API, decoded: path below <c>/api/data/v9.2/</c>, query options, headers, body.</summary>
internal sealed record SimRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Option(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary>The preferences of the <c>Prefer</c> header, lower-case names.</summary>
    public IReadOnlyDictionary<string, string> Preferences
    {
        get
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in (Header("Prefer") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                result[eq < 0 ? part : part[..eq].Trim()] = eq < 0 ? string.Empty : part[(eq + 1)..].Trim().Trim('"');
            }

            return result;
        }
    }

    public bool Prefers(string preference) => Preferences.ContainsKey(preference);

    public bool WantsFormattedValues =>
        Preferences.TryGetValue("odata.include-annotations", out var which)
        && (which == "*" || which.Contains("FormattedValue", StringComparison.OrdinalIgnoreCase));
}
