using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// The JSON Schema of mapping files, validated with NJsonSchema. The schema is the one shipped in mappings/
/// (embedded at build time), so the loader checks exactly what the admin's editor checks.
/// </summary>
internal static class MappingSchema
{
    public const string FileName = "hub-mappings.schema.json";

    private const string ResourceName = "Hub.Engine.Mapping.hub-mappings.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(Read);

    /// <summary>The schema text, as shipped.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(MappingSchema).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Hub.Engine.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static void Validate(string file, JToken tree, List<MappingError> errors)
    {
        foreach (var error in Schema.Value.Validate(tree))
        {
            SchemaErrorTranslator.Translate(file, tree, error, errors);
        }
    }

    // The schema has no external references, so parsing it does no I/O and completes synchronously: blocking on it
    // (in a Lazy, which cannot await) cannot deadlock.
#pragma warning disable RS0030
    private static JsonSchema Read() => JsonSchema.FromJsonAsync(Text).GetAwaiter().GetResult();
#pragma warning restore RS0030
}
