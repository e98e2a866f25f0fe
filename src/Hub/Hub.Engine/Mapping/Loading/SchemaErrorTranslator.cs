using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Hub.Engine.Mapping.Loading;

/// <summary>Turns NJsonSchema's validation errors into errors an admin can act on: what is wrong and how to fix it.</summary>
internal static class SchemaErrorTranslator
{
    public static void Translate(string file, JToken tree, ValidationError error, List<MappingError> errors)
    {
        if (error is ChildSchemaValidationError child && IsContainer(error.Kind))
        {
            foreach (var inner in child.Errors.Values.SelectMany(e => e))
            {
                Translate(file, tree, inner, errors);
            }

            return;
        }

        var path = JsonPaths.FromSchemaPath(error.Path);
        var (kind, problem, fix) = Explain(error, path, JsonPaths.Find(tree, path));
        errors.Add(new MappingError(file, path, problem, fix) { Kind = kind, Line = JsonPaths.LineOf(tree, path) });
    }

    private static bool IsContainer(ValidationErrorKind kind) => kind is
        ValidationErrorKind.ArrayItemNotValid
        or ValidationErrorKind.AdditionalPropertiesNotValid
        or ValidationErrorKind.AdditionalItemNotValid;

    private static (MappingErrorKind Kind, string Problem, string Fix) Explain(ValidationError error, string path, JToken? value)
    {
        var schema = error.Schema?.ActualSchema;
        var name = error.Property ?? path;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => (
                MappingErrorKind.MissingRequiredField,
                $"Required field '{name}' is missing.",
                $"Add \"{name}\" to the object at {JsonPaths.Parent(path)}{Purpose(schema, name)}."),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => (
                MappingErrorKind.UnknownProperty,
                $"Property '{name}' is not known here.",
                $"Remove it or correct its name. {Suggestions.Hint(name, Known(schema))}"),
            ValidationErrorKind.NotInEnumeration => (
                MappingErrorKind.SchemaViolation,
                $"{Show(value)} is not allowed here.",
                $"{Suggestions.Hint(value?.ToString() ?? string.Empty, [.. (schema?.Enumeration ?? []).Select(e => $"{e}")])}"),
            ValidationErrorKind.StringExpected => Wrong(value, "text in double quotes"),
            ValidationErrorKind.ArrayExpected => Wrong(value, "a list in square brackets, e.g. [\"a\", \"b\"]"),
            ValidationErrorKind.ObjectExpected => Wrong(value, "an object in braces, e.g. { \"name\": \"…\" }"),
            ValidationErrorKind.NoTypeValidates => Wrong(value, "text, or a list of lines of text"),
            ValidationErrorKind.StringTooShort => (
                MappingErrorKind.SchemaViolation,
                "Empty text is not allowed here.",
                "Fill in a value, or remove the property if it is optional."),
            ValidationErrorKind.PatternMismatch => (
                MappingErrorKind.SchemaViolation,
                $"{Show(value)} is not written the way this field needs.",
                PatternFix(schema?.Pattern)),
            ValidationErrorKind.EmailExpected => (
                MappingErrorKind.SchemaViolation,
                $"{Show(value)} is not an e-mail address.",
                "Write it as name@domain.example."),
            ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems => (
                MappingErrorKind.SchemaViolation,
                $"The list has {(value as JArray)?.Count ?? 0} item(s); it needs {Count(schema)}.",
                $"Give the list {Count(schema)} item(s){Purpose(schema)}."),
            _ => (
                MappingErrorKind.SchemaViolation,
                $"The value does not fit the schema ({error.Kind}).",
                $"Compare it with {MappingSchema.FileName}; an editor that follows \"$schema\" shows the allowed shape."),
        };
    }

    private static (MappingErrorKind, string, string) Wrong(JToken? value, string expected) => (
        MappingErrorKind.SchemaViolation,
        $"Expected {expected}, found {Show(value)}.",
        $"Write {expected}.");

    private static string Show(JToken? value) => value switch
    {
        null => "nothing",
        { Type: JTokenType.String } => $"'{value}'",
        { Type: JTokenType.Object } => "an object",
        { Type: JTokenType.Array } => "a list",
        _ => value.ToString(),
    };

    private static List<string> Known(JsonSchema? schema) => [.. schema?.ActualProperties.Keys ?? []];

    private static string Purpose(JsonSchema? schema, string property) =>
        schema?.ActualProperties.TryGetValue(property, out var described) == true && Describe(described) is { } text
            ? $" ({text})"
            : string.Empty;

    private static string Purpose(JsonSchema? schema) =>
        schema is not null && Describe(schema) is { } text ? $" ({text})" : string.Empty;

    private static string? Describe(JsonSchema schema)
    {
        var text = schema.Description ?? schema.ActualSchema.Description;
        return string.IsNullOrWhiteSpace(text) ? null : text.TrimEnd('.');
    }

    private static string Count(JsonSchema? schema) => (schema?.MinItems, schema?.MaxItems) switch
    {
        (var min, var max) when min == max && min is not null => $"exactly {min}",
        (var min, null or 0) => $"at least {min}",
        (var min, var max) => $"{min} to {max}",
    };

    private static string PatternFix(string? pattern) => pattern switch
    {
        "^[a-z]{2}$" => "Use a two-letter lower-case language code, e.g. \"nl\" or \"en\".",
        _ => "Use letters, digits, '-' and '_' only, starting with a letter or digit (no spaces).",
    };
}
