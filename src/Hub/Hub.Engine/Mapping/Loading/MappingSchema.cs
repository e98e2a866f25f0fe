namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// The JSON Schema of mapping files, checked by <see cref="SchemaCheck"/>. The schema is the one shipped in mappings/
/// (embedded at build time), so the loader checks exactly what the admin's editor checks.
/// </summary>
internal static class MappingSchema
{
    public const string FileName = "hub-mappings.schema.json";

    private const string ResourceName = "Hub.Engine.Mapping.hub-mappings.schema.json";

    private static readonly Lazy<SchemaRule> Schema = new(() => SchemaRules.Read(Text));

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

    public static void Validate(string file, MappingNode tree, List<MappingError> errors)
    {
        errors.AddRange(SchemaCheck.Check(tree, Schema.Value).Select(violation => SchemaErrorTranslator.Translate(file, tree, violation)));
    }
}
