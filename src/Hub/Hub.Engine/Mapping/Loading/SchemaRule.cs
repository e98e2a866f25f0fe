using System.Text.RegularExpressions;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// One schema of hub-mappings.schema.json, holding exactly the keywords <see cref="SchemaCheck"/> knows (read by
/// <see cref="SchemaRules"/>, which refuses any other). A "$ref" is resolved once: <see cref="Actual"/> is the rule that
/// judges values, the referring one only adds its description.
/// </summary>
internal sealed class SchemaRule
{
    public string? Description { get; set; }

    /// <summary>"#/definitions/name", or null.</summary>
    public string? Reference { get; set; }

    public SchemaRule? Target { get; set; }

    public SchemaRule Actual => Target?.Actual ?? this;

    /// <summary>"string", "array", "object", "integer", "number", "boolean", "null"; none: any type.</summary>
    public List<string> Types { get; } = [];

    public OrderedDictionary<string, SchemaRule> Properties { get; } = new(StringComparer.Ordinal);

    public List<string> Required { get; } = [];

    public bool AdditionalPropertiesAllowed { get; set; } = true;

    public SchemaRule? AdditionalProperties { get; set; }

    public List<MappingNode> Enumeration { get; } = [];

    public SchemaRule? Items { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public int? MinLength { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public Regex? Pattern { get; set; }

    /// <summary>Only "email" is known.</summary>
    public string? Format { get; set; }

    public SchemaRule? Not { get; set; }

    public List<SchemaRule> OneOf { get; } = [];

    public bool AllowsNull => Types.Contains("null");

    /// <summary>This rule and every rule inside it, for resolving references.</summary>
    public IEnumerable<SchemaRule> All() =>
        new[] { this }.Concat(Properties.Values.Concat(OneOf)
            .Concat(new[] { AdditionalProperties, Items, Not }.OfType<SchemaRule>())
            .SelectMany(inner => inner.All()));
}
