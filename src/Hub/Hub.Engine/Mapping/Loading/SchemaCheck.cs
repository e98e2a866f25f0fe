using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Checks a mapping file against the schema's rules, keyword by keyword as NJsonSchema (which the hub used before) did,
/// so an admin sees the same errors: oneOf, not, type (with each type's own checks), enum, then the properties in the
/// schema's order, required ones that are missing, and unknown ones. A value of the wrong type gets no further checks of
/// that type (no pattern on a number); a list's items and an object's properties report their own violations.
/// </summary>
internal static partial class SchemaCheck
{
    public static List<SchemaViolation> Check(MappingNode root, SchemaRule schema)
    {
        var found = new List<SchemaViolation>();
        Check(root, schema.Actual, JsonPaths.Root, null, found);
        return found;
    }

    private static void Check(MappingNode value, SchemaRule rule, string path, string? property, List<SchemaViolation> found)
    {
        void Add(SchemaViolationKind kind) => found.Add(new(kind, path, property, value, rule));

        if (rule.OneOf.Count > 0 && rule.OneOf.Count(branch => Passes(value, branch.Actual, path)) != 1)
        {
            Add(SchemaViolationKind.NotOneOf);
        }

        if (rule.Not is { } not && Passes(value, not.Actual, path))
        {
            Add(SchemaViolationKind.ExcludedSchemaValidates);
        }

        if (value.Kind == JsonValueKind.Null && rule.AllowsNull)
        {
            return;
        }

        CheckType(value, rule, path, property, found);
        if (rule.Enumeration.Count > 0 && !rule.Enumeration.Any(allowed => Same(allowed, value)))
        {
            Add(SchemaViolationKind.NotInEnumeration);
        }

        CheckProperties(value, rule, path, found);
    }

    private static bool Passes(MappingNode value, SchemaRule rule, string path)
    {
        var found = new List<SchemaViolation>();
        Check(value, rule, path, null, found);
        return found.Count == 0;
    }

    /// <summary>With several types, one must pass all its checks; their violations are then one, NoTypeValidates.</summary>
    private static void CheckType(MappingNode value, SchemaRule rule, string path, string? property, List<SchemaViolation> found)
    {
        if (rule.Types.Count <= 1)
        {
            TypeChecks(value, rule, rule.Types.SingleOrDefault(), path, property, found);
            return;
        }

        if (rule.Types.All(type => TypeFails(value, rule, type, path, property)))
        {
            found.Add(new(SchemaViolationKind.NoTypeValidates, path, property, value, rule));
        }
    }

    private static bool TypeFails(MappingNode value, SchemaRule rule, string type, string path, string? property)
    {
        var found = new List<SchemaViolation>();
        TypeChecks(value, rule, type, path, property, found);
        return found.Count > 0;
    }

    private static void TypeChecks(MappingNode value, SchemaRule rule, string? type, string path, string? property, List<SchemaViolation> found)
    {
        void Add(SchemaViolationKind kind) => found.Add(new(kind, path, property, value, rule));

        CheckList(value, rule, type, path, property, found);
        CheckText(value, rule, type, Add);
        CheckNumber(value, rule, type, Add);
        var expected = (type, value.Kind) switch
        {
            ("integer", _) when !value.IsInteger => SchemaViolationKind.IntegerExpected,
            ("boolean", not (JsonValueKind.True or JsonValueKind.False)) => SchemaViolationKind.BooleanExpected,
            ("null", not JsonValueKind.Null) => SchemaViolationKind.NullExpected,
            ("object", not JsonValueKind.Object) => SchemaViolationKind.ObjectExpected,
            _ => (SchemaViolationKind?)null,
        };
        if (expected is { } kind)
        {
            Add(kind);
        }
    }

    private static void CheckList(MappingNode value, SchemaRule rule, string? type, string path, string? property, List<SchemaViolation> found)
    {
        if (value.Kind != JsonValueKind.Array)
        {
            if (type == "array")
            {
                found.Add(new(SchemaViolationKind.ArrayExpected, path, property, value, rule));
            }

            return;
        }

        if (rule.MinItems > 0 && value.Items.Count < rule.MinItems)
        {
            found.Add(new(SchemaViolationKind.TooFewItems, path, property, value, rule));
        }

        if (rule.MaxItems > 0 && value.Items.Count > rule.MaxItems)
        {
            found.Add(new(SchemaViolationKind.TooManyItems, path, property, value, rule));
        }

        for (var index = 0; rule.Items is not null && index < value.Items.Count; index++)
        {
            Check(value.Items[index], rule.Items.Actual, JsonPaths.Item(path, index), null, found);
        }
    }

    private static void CheckText(MappingNode value, SchemaRule rule, string? type, Action<SchemaViolationKind> add)
    {
        if (value.Kind != JsonValueKind.String)
        {
            if (type == "string")
            {
                add(SchemaViolationKind.StringExpected);
            }

            return;
        }

        if (rule.Pattern is { } pattern && !pattern.IsMatch(value.Text))
        {
            add(SchemaViolationKind.PatternMismatch);
        }

        if (value.Text.Length < rule.MinLength)
        {
            add(SchemaViolationKind.StringTooShort);
        }

        if (rule.Format == "email" && !Email().IsMatch(value.Text))
        {
            add(SchemaViolationKind.EmailExpected);
        }
    }

    private static void CheckNumber(MappingNode value, SchemaRule rule, string? type, Action<SchemaViolationKind> add)
    {
        if (value.Kind != JsonValueKind.Number)
        {
            if (type == "number")
            {
                add(SchemaViolationKind.NumberExpected);
            }

            return;
        }

        var number = double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (number < rule.Minimum)
        {
            add(SchemaViolationKind.NumberTooSmall);
        }

        if (number > rule.Maximum)
        {
            add(SchemaViolationKind.NumberTooBig);
        }
    }

    private static void CheckProperties(MappingNode value, SchemaRule rule, string path, List<SchemaViolation> found)
    {
        var isObject = value.Kind == JsonValueKind.Object;
        foreach (var (name, propertyRule) in rule.Properties)
        {
            var propertyPath = JsonPaths.Property(path, name);
            if (isObject && value[name] is { } propertyValue)
            {
                if (propertyValue.Kind != JsonValueKind.Null || !propertyRule.Actual.AllowsNull)
                {
                    Check(propertyValue, propertyRule.Actual, propertyPath, name, found);
                }
            }
            else if (rule.Required.Contains(name))
            {
                found.Add(new(SchemaViolationKind.PropertyRequired, propertyPath, name, null, rule));
            }
        }

        // Required in a schema that does not list the property, as the oneOf branches of "expectedWithin" are.
        foreach (var name in rule.Required.Where(name => !rule.Properties.ContainsKey(name) && (!isObject || value[name] is null)))
        {
            found.Add(new(SchemaViolationKind.PropertyRequired, JsonPaths.Property(path, name), name, null, rule));
        }

        foreach (var (name, extra) in isObject ? value.Properties.Where(p => !rule.Properties.ContainsKey(p.Key)) : [])
        {
            var extraPath = JsonPaths.Property(path, name);
            if (rule.AdditionalProperties is { } additional)
            {
                Check(extra, additional.Actual, extraPath, null, found);
            }
            else if (!rule.AdditionalPropertiesAllowed)
            {
                found.Add(new(SchemaViolationKind.NoAdditionalPropertiesAllowed, extraPath, name, extra, rule));
            }
        }
    }

    /// <summary>Equal as JSON: of the same kind and, for text, numbers, the same text.</summary>
    private static bool Same(MappingNode allowed, MappingNode value) => allowed.Kind == value.Kind && allowed.Text == value.Text;

    /// <summary>The e-mail address format as NJsonSchema 11 checked it (case-insensitive).</summary>
    [GeneratedRegex(@"^\A(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\Z$", RegexOptions.IgnoreCase)]
    private static partial Regex Email();
}
