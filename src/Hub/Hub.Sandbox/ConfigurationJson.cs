using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Sandbox;

/// <summary>
/// Turns configuration keys (<c>Hub:Systems:facility:BaseUrl</c>) into the nested appsettings.json an administrator
/// writes; a section whose keys are 0, 1, 2, … becomes an array, as the configuration binder reads it.
/// </summary>
internal static class ConfigurationJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string From(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var path = key.Split(':');
            var section = root;
            foreach (var name in path[..^1])
            {
                if (section[name] is not JsonObject child)
                {
                    child = new JsonObject();
                    section[name] = child;
                }

                section = child;
            }

            section[path[^1]] = value;
        }

        return Arrayed(root)!.ToJsonString(Indented);
    }

    private static JsonNode? Arrayed(JsonNode? node)
    {
        if (node is not JsonObject section)
        {
            return node?.DeepClone();
        }

        var children = section.Select(c => (c.Key, Value: Arrayed(c.Value), Index: IndexOf(c.Key))).ToList();
        if (children.Count > 0 && children.Select(c => c.Index).Order().SequenceEqual(Enumerable.Range(0, children.Count)))
        {
            return new JsonArray([.. children.OrderBy(c => c.Index).Select(c => c.Value)]);
        }

        var copy = new JsonObject();
        foreach (var (name, value, _) in children)
        {
            copy[name] = value;
        }

        return copy;
    }

    private static int IndexOf(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
}
