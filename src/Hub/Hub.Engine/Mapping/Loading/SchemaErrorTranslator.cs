using System.Text.Json;

namespace Hub.Engine.Mapping.Loading;

/// <summary>Turns schema violations into errors an admin can act on: what is wrong and how to fix it.</summary>
internal static class SchemaErrorTranslator
{
    public static MappingError Translate(string file, MappingNode tree, SchemaViolation violation)
    {
        var (kind, problem, fix) = Explain(violation);
        return new MappingError(file, violation.Path, problem, fix) { Kind = kind, Line = JsonPaths.LineOf(tree, violation.Path) };
    }

    private static (MappingErrorKind Kind, string Problem, string Fix) Explain(SchemaViolation violation)
    {
        var (schema, value, path) = (violation.Rule, violation.Value, violation.Path);
        var name = violation.Property ?? path;
        return violation.Kind switch
        {
            SchemaViolationKind.PropertyRequired => (
                MappingErrorKind.MissingRequiredField,
                $"Required field '{name}' is missing.",
                $"Add \"{name}\" to the object at {JsonPaths.Parent(path)}{Purpose(schema, name)}."),
            SchemaViolationKind.NoAdditionalPropertiesAllowed => (
                MappingErrorKind.UnknownProperty,
                $"Property '{name}' is not known here.",
                $"Remove it or correct its name. {Suggestions.Hint(name, [.. schema.Properties.Keys])}"),
            SchemaViolationKind.NotInEnumeration => (
                MappingErrorKind.SchemaViolation,
                $"{Show(value)} is not allowed here.",
                $"{Suggestions.Hint(value?.Text ?? string.Empty, [.. schema.Enumeration.Select(e => e.Text)])}"),
            SchemaViolationKind.StringExpected => Wrong(value, "text in double quotes"),
            SchemaViolationKind.ArrayExpected => Wrong(value, "a list in square brackets, e.g. [\"a\", \"b\"]"),
            SchemaViolationKind.ObjectExpected => Wrong(value, "an object in braces, e.g. { \"name\": \"…\" }"),
            SchemaViolationKind.NoTypeValidates => Wrong(value, "text, or a list of lines of text"),
            SchemaViolationKind.StringTooShort => (
                MappingErrorKind.SchemaViolation,
                "Empty text is not allowed here.",
                "Fill in a value, or remove the property if it is optional."),
            SchemaViolationKind.PatternMismatch => (
                MappingErrorKind.SchemaViolation,
                $"{Show(value)} is not written the way this field needs.",
                PatternFix(schema.Pattern?.ToString())),
            SchemaViolationKind.EmailExpected => (
                MappingErrorKind.SchemaViolation,
                $"{Show(value)} is not an e-mail address.",
                "Write it as name@domain.example."),
            SchemaViolationKind.TooFewItems or SchemaViolationKind.TooManyItems => (
                MappingErrorKind.SchemaViolation,
                $"The list has {value?.Items.Count ?? 0} item(s); it needs {Count(schema)}.",
                $"Give the list {Count(schema)} item(s){Purpose(schema)}."),
            _ => (
                MappingErrorKind.SchemaViolation,
                $"The value does not fit the schema ({violation.Kind}).",
                $"Compare it with {MappingSchema.FileName}; an editor that follows \"$schema\" shows the allowed shape."),
        };
    }

    private static (MappingErrorKind, string, string) Wrong(MappingNode? value, string expected) => (
        MappingErrorKind.SchemaViolation,
        $"Expected {expected}, found {Show(value)}.",
        $"Write {expected}.");

    /// <summary>The value as the admin wrote it: text in quotes, numbers, true, false and null as they are.</summary>
    private static string Show(MappingNode? value) => value?.Kind switch
    {
        null => "nothing",
        JsonValueKind.String => $"'{value.Text}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => value.Text,
    };

    private static string Purpose(SchemaRule schema, string property) =>
        schema.Properties.TryGetValue(property, out var described) && Describe(described) is { } text
            ? $" ({text})"
            : string.Empty;

    private static string Purpose(SchemaRule schema) =>
        Describe(schema) is { } text ? $" ({text})" : string.Empty;

    private static string? Describe(SchemaRule schema)
    {
        var text = schema.Description ?? schema.Actual.Description;
        return string.IsNullOrWhiteSpace(text) ? null : text.TrimEnd('.');
    }

    private static string Count(SchemaRule schema) => (schema.MinItems ?? 0, schema.MaxItems ?? 0) switch
    {
        (var min, var max) when min == max => $"exactly {min}",
        (var min, 0) => $"at least {min}",
        (var min, var max) => $"{min} to {max}",
    };

    private static string PatternFix(string? pattern) => pattern switch
    {
        "^[a-z]{2}$" => "Use a two-letter lower-case language code, e.g. \"nl\" or \"en\".",
        _ => "Use letters, digits, '-' and '_' only, starting with a letter or digit (no spaces).",
    };
}
