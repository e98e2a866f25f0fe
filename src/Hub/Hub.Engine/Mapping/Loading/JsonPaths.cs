using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Hub.Engine.Mapping.Loading;

/// <summary>Builds the JSON paths errors speak of ("$.valueMaps[0].values[3].canonical") and finds their line.</summary>
internal static partial class JsonPaths
{
    public const string Root = "$";

    public static string Property(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>NJsonSchema writes "#/valueMaps[0].system"; the hub's errors use "$.valueMaps[0].system".</summary>
    public static string FromSchemaPath(string? schemaPath)
    {
        var rest = (schemaPath ?? string.Empty).TrimStart('#').TrimStart('/');
        return rest.Length == 0 || rest.StartsWith('[') ? Root + rest : $"{Root}.{rest}";
    }

    /// <summary>The token at a path, or null when the path names something that is missing.</summary>
    public static JToken? Find(JToken root, string path)
    {
        try
        {
            return root.SelectToken(path);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The 1-based line of the path, or of its nearest existing parent (a missing field has none of its own).</summary>
    public static int? LineOf(JToken root, string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (Find(root, current) is IJsonLineInfo info && info.HasLineInfo())
            {
                return info.LineNumber;
            }

            if (current == Root)
            {
                break;
            }
        }

        return null;
    }

    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? Root : path[..cut];
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();
}
