using System.Text.RegularExpressions;

namespace Hub.Engine.Mapping.Loading;

/// <summary>Builds the JSON paths errors speak of ("$.valueMaps[0].values[3].canonical") and finds their line.</summary>
internal static partial class JsonPaths
{
    public const string Root = "$";

    public static string Property(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>The node at a path built by <see cref="Property"/> and <see cref="Item"/>, or null when it is missing.</summary>
    public static MappingNode? Find(MappingNode root, string path) => Find(root, Root, path);

    /// <summary>The 1-based line of the path, or of its nearest existing parent (a missing field has none of its own).</summary>
    public static int? LineOf(MappingNode root, string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (Find(root, current) is { } node)
            {
                return node.Line;
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

    private static MappingNode? Find(MappingNode node, string at, string path)
    {
        if (path.Length == at.Length)
        {
            return path == at ? node : null;
        }

        for (var index = 0; index < node.Items.Count; index++)
        {
            if (Below(Item(at, index), path) is { } itemPath)
            {
                return Find(node.Items[index], itemPath, path);
            }
        }

        // Of a name written twice, the later value counts.
        for (var index = node.Properties.Count - 1; index >= 0; index--)
        {
            if (Below(Property(at, node.Properties[index].Key), path) is { } propertyPath)
            {
                return Find(node.Properties[index].Value, propertyPath, path);
            }
        }

        return null;
    }

    /// <summary><paramref name="step"/> when <paramref name="path"/> is it or lies under it, else null.</summary>
    private static string? Below(string step, string path) =>
        path.StartsWith(step, StringComparison.Ordinal) && (path.Length == step.Length || path[step.Length] is '.' or '[')
            ? step
            : null;

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();
}
