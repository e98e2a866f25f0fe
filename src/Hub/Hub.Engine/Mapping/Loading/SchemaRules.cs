using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Reads the mapping schema into <see cref="SchemaRule"/>s. A keyword the check does not know is refused, naming it and
/// where it stands: a schema edit that the loader would silently ignore is found when the hub starts, not by an admin
/// whose wrong file was accepted.
/// </summary>
internal static class SchemaRules
{
    private const string DefinitionsPrefix = "#/definitions/";

    /// <summary>Keywords that only describe: they change nothing the check decides.</summary>
    private static readonly string[] Annotations = ["$schema", "title", "description"];

    private static readonly string[] KnownTypes = ["string", "array", "object", "integer", "number", "boolean", "null"];

    public static SchemaRule Read(string schemaText)
    {
        var document = MappingNodeReader.Read(schemaText);
        var definitions = new Dictionary<string, SchemaRule>(StringComparer.Ordinal);
        foreach (var (name, definition) in document["definitions"]?.Properties ?? [])
        {
            definitions[name] = Rule(definition, DefinitionsPrefix + name);
        }

        var root = Rule(document, "#", isRoot: true);
        foreach (var rule in definitions.Values.Prepend(root).SelectMany(r => r.All()).Where(r => r.Reference is not null))
        {
            rule.Target = definitions.GetValueOrDefault(rule.Reference![DefinitionsPrefix.Length..])
                ?? throw Refused($"\"$ref\": \"{rule.Reference}\" names no definition");
        }

        return root;
    }

    private static SchemaRule Rule(MappingNode node, string at, bool isRoot = false)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            throw Refused($"{at} is not a schema (an object)");
        }

        var rule = new SchemaRule();
        foreach (var (keyword, value) in node.Properties)
        {
            var inner = $"{at}/{keyword}";
            switch (keyword)
            {
                case "description":
                    rule.Description = Text(value, inner);
                    break;
                case "$schema" or "title":
                case "definitions" when isRoot:
                    break;
                case "$ref":
                    rule.Reference = Text(value, inner);
                    if (!rule.Reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal))
                    {
                        throw Refused($"{inner} is \"{rule.Reference}\"; only references into \"#/definitions/\" are known");
                    }

                    break;
                case "type":
                    rule.Types.AddRange(value.Kind == JsonValueKind.Array ? value.Items.Select(t => Type(t, inner)) : [Type(value, inner)]);
                    break;
                case "properties":
                    foreach (var (name, property) in value.Properties)
                    {
                        rule.Properties[name] = Rule(property, $"{inner}/{name}");
                    }

                    break;
                case "required":
                    rule.Required.AddRange(List(value, inner).Select(name => Text(name, inner)));
                    break;
                case "additionalProperties" when value.Kind is JsonValueKind.True or JsonValueKind.False:
                    rule.AdditionalPropertiesAllowed = value.Kind == JsonValueKind.True;
                    break;
                case "additionalProperties":
                    rule.AdditionalProperties = Rule(value, inner);
                    break;
                case "enum":
                    rule.Enumeration.AddRange(List(value, inner));
                    break;
                case "items":
                    rule.Items = Rule(value, inner);
                    break;
                case "minItems":
                    rule.MinItems = Count(value, inner);
                    break;
                case "maxItems":
                    rule.MaxItems = Count(value, inner);
                    break;
                case "minLength":
                    rule.MinLength = Count(value, inner);
                    break;
                case "minimum":
                    rule.Minimum = Number(value, inner);
                    break;
                case "maximum":
                    rule.Maximum = Number(value, inner);
                    break;
                case "pattern":
                    rule.Pattern = new Regex(Text(value, inner), RegexOptions.None);
                    break;
                case "format":
                    rule.Format = Text(value, inner) is "email" ? "email" : throw Refused($"{inner} is \"{value.Text}\"; only \"email\" is known");
                    break;
                case "not":
                    rule.Not = Rule(value, inner);
                    break;
                case "oneOf":
                    rule.OneOf.AddRange(List(value, inner).Select((branch, i) => Rule(branch, $"{inner}/{i}")));
                    break;
                default:
                    throw Refused($"it uses the keyword \"{keyword}\" (at {inner}), which the hub's schema check does not know");
            }
        }

        var judging = node.Properties.Select(p => p.Key).Except(Annotations).Except(["$ref", "definitions"]).ToList();
        if (rule.Reference is not null && judging.Count > 0)
        {
            throw Refused($"{at} has \"$ref\" beside \"{judging[0]}\", which JSON Schema (draft-07) ignores there");
        }

        return rule;
    }

    private static IReadOnlyList<MappingNode> List(MappingNode value, string at) =>
        value.Kind == JsonValueKind.Array ? value.Items : throw Refused($"{at} is not a list");

    private static string Text(MappingNode value, string at) =>
        MappingNode.TextOf(value) ?? throw Refused($"{at} is not text");

    private static string Type(MappingNode value, string at) =>
        Text(value, at) is var type && KnownTypes.Contains(type) ? type : throw Refused($"{at} names the unknown type \"{value.Text}\"");

    private static int Count(MappingNode value, string at) =>
        value.IsInteger && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw Refused($"{at} is not a count (a whole number of 0 or more)");

    private static double Number(MappingNode value, string at) =>
        value.Kind == JsonValueKind.Number ? double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture) : throw Refused($"{at} is not a number");

    private static InvalidOperationException Refused(string what) => new(
        $"The mapping schema {MappingSchema.FileName} cannot be used: {what}. A keyword the check does not know would be "
        + "silently ignored, so the hub refuses the schema; teach Hub.Engine's Mapping/Loading/SchemaCheck the keyword, "
        + "or write the schema without it.");
}
