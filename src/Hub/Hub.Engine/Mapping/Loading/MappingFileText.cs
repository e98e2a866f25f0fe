using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Turns a mapping file's text into a tree of <see cref="MappingNode"/>s, strictly: no comments, no trailing commas, no
/// property twice in one object.
/// </summary>
internal static partial class MappingFileText
{
    public static MappingNode? Parse(string file, string text, List<MappingError> errors)
    {
        MappingNode tree;
        try
        {
            tree = MappingNodeReader.Read(text);
        }
        catch (JsonException e)
        {
            errors.Add(InvalidJson(file, e));
            return null;
        }

        var before = errors.Count;
        FindDuplicates(file, tree, JsonPaths.Root, errors);
        for (var i = before; i < errors.Count; i++)
        {
            errors[i] = errors[i] with { Line = JsonPaths.LineOf(tree, errors[i].JsonPath) };
        }

        return errors.Count == before ? tree : null;
    }

    private static void FindDuplicates(string file, MappingNode node, string path, List<MappingError> errors)
    {
        for (var index = 0; index < node.Items.Count; index++)
        {
            FindDuplicates(file, node.Items[index], JsonPaths.Item(path, index), errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in node.Properties)
        {
            var propertyPath = JsonPaths.Property(path, name);
            if (!seen.Add(name))
            {
                errors.Add(new MappingError(
                    file,
                    propertyPath,
                    $"Property '{name}' appears more than once in the same object; only one of them would count.",
                    $"Keep one \"{name}\" in this object and delete the other.")
                {
                    Kind = MappingErrorKind.DuplicateProperty,
                });
            }

            FindDuplicates(file, value, propertyPath, errors);
        }
    }

    private static MappingError InvalidJson(string file, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0) + 1;
        var column = (int)(e.BytePositionInLine ?? 0) + 1;
        var reason = ReaderNoise().Replace(e.Message, string.Empty).Trim();
        return new MappingError(
            file,
            string.IsNullOrEmpty(e.Path) ? JsonPaths.Root : e.Path,
            $"The file is not valid JSON (line {line}, column {column}): {reason}",
            $"Look at line {line} near column {column}: names and text need double quotes, items are separated by commas "
            + "with none after the last one, brackets and braces must pair up, and JSON allows no comments "
            + "(use a \"description\" property instead).")
        {
            Kind = MappingErrorKind.InvalidJson,
            Line = line,
        };
    }

    [GeneratedRegex(@"(Change the reader options\.)|(LineNumber: \d+ \| BytePositionInLine: \d+\.)")]
    private static partial Regex ReaderNoise();
}
