namespace Hub.Engine.Mapping;

/// <summary>
/// One mistake in the mapping files: the file, the JSON path inside it (e.g. <c>$.valueMaps[0].values[3].canonical</c>),
/// what is wrong and how to fix it.
/// </summary>
public sealed record MappingError(string File, string JsonPath, string Problem, string Fix)
{
    public MappingErrorKind Kind { get; init; } = MappingErrorKind.SchemaViolation;

    /// <summary>The 1-based line in the file where the problem sits, when known.</summary>
    public int? Line { get; init; }

    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        return $"{where} {JsonPath}: {Problem} Fix: {Fix}";
    }
}
