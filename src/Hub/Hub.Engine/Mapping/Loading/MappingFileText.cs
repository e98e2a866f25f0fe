using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Turns a mapping file's text into a JSON tree, strictly: no comments, no trailing commas, no property twice in
/// one object. System.Text.Json judges the syntax (Newtonsoft would accept comments and single quotes); the tree
/// handed on is Newtonsoft's, with line numbers, because NJsonSchema validates that.
/// </summary>
internal static partial class MappingFileText
{
    private static readonly JsonDocumentOptions Strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = true,
    };

    public static JToken? Parse(string file, string text, List<MappingError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Strict);
            var before = errors.Count;
            FindDuplicates(file, document.RootElement, JsonPaths.Root, errors);
            var tree = Load(text);
            for (var i = before; i < errors.Count; i++)
            {
                errors[i] = errors[i] with { Line = JsonPaths.LineOf(tree, errors[i].JsonPath) };
            }

            return errors.Count == before ? tree : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            errors.Add(InvalidJson(file, e));
            return null;
        }
    }

    private static JToken Load(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
    }

    private static void FindDuplicates(string file, JsonElement element, string path, List<MappingError> errors)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                FindDuplicates(file, item, JsonPaths.Item(path, index++), errors);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPaths.Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                errors.Add(new MappingError(
                    file,
                    propertyPath,
                    $"Property '{property.Name}' appears more than once in the same object; only one of them would count.",
                    $"Keep one \"{property.Name}\" in this object and delete the other.")
                {
                    Kind = MappingErrorKind.DuplicateProperty,
                });
            }

            FindDuplicates(file, property.Value, propertyPath, errors);
        }
    }

    private static MappingError InvalidJson(string file, System.Text.Json.JsonException e)
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
