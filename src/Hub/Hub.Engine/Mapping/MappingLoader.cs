using Hub.Engine.Mapping.Loading;

namespace Hub.Engine.Mapping;

/// <summary>
/// Loads a mappings directory: every <c>*.json</c> except the schema, in name order. Each file is checked as JSON
/// (strict, no duplicate properties) and against the shipped JSON Schema; when all files pass, the merged
/// content is checked across files (systems, canonical values, routes, contractors, templates). Every problem
/// found is reported at once, each with its file, JSON path and fix.
/// </summary>
public static class MappingLoader
{
    /// <summary>The schema file's name in the mappings directory; it is not read as a mapping file.</summary>
    public const string SchemaFileName = MappingSchema.FileName;

    /// <summary>The shipped schema, for tools that write it next to a new mappings directory.</summary>
    public static string SchemaText => MappingSchema.Text;

    public static MappingLoadResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return MappingLoadResult.Failure([DirectoryNotFound(directory)], []);
        }

        var files = MappingFiles(directory);
        if (files.Count == 0)
        {
            return MappingLoadResult.Failure([NoMappingFiles(directory)], []);
        }

        var names = files.Select(Path.GetFileName).OfType<string>().ToList();
        var errors = new List<MappingError>();
        var trees = new List<(string File, MappingNode Tree)>();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            if (ReadFile(path, name, errors) is not { } text || MappingFileText.Parse(name, text, errors) is not { } tree)
            {
                continue;
            }

            var before = errors.Count;
            MappingSchema.Validate(name, tree, errors);
            if (errors.Count == before)
            {
                trees.Add((name, tree));
            }
        }

        // Cross-file checks on files that failed on their own would only echo those failures.
        if (errors.Count > 0)
        {
            return MappingLoadResult.Failure(errors, names);
        }

        var parts = new MappingParts();
        foreach (var (name, tree) in trees)
        {
            MappingFileReader.Read(name, tree, parts);
        }

        errors.AddRange(SystemChecks.Check(parts)
            .Concat(ValueMapChecks.Check(parts))
            .Concat(RouteChecks.Check(parts))
            .Concat(ContractorChecks.Check(parts))
            .Concat(MessageChecks.Check(parts))
            .Concat(MilestoneChecks.Check(parts))
            .Select(e => e with { Line = JsonPaths.LineOf(trees.First(t => t.File == e.File).Tree, e.JsonPath) }));

        return errors.Count > 0
            ? MappingLoadResult.Failure(errors, names)
            : MappingLoadResult.Success(parts.ToMappingSet(MappingVersion.Of(trees)), names);
    }

    /// <summary>The mapping files of a directory in the order they merge (ordinal by name), schema excluded.</summary>
    public static IReadOnlyList<string> MappingFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    private static string? ReadFile(string path, string name, List<MappingError> errors)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new MappingError(name, JsonPaths.Root, $"The file cannot be read: {e.Message}", "Check that the file exists and the hub's account may read it.")
            {
                Kind = MappingErrorKind.UnreadableFile,
            });
            return null;
        }
    }

    private static MappingError DirectoryNotFound(string directory) => new(
        directory,
        JsonPaths.Root,
        "The mappings directory does not exist.",
        "Create it with the mapping files, or point Hub:MappingsPath at the directory that holds them.")
    {
        Kind = MappingErrorKind.DirectoryNotFound,
    };

    private static MappingError NoMappingFiles(string directory) => new(
        directory,
        JsonPaths.Root,
        "The mappings directory holds no mapping files (*.json other than the schema).",
        "Copy the shipped mappings/ files into it, or point Hub:MappingsPath at the directory that holds them.")
    {
        Kind = MappingErrorKind.NoMappingFiles,
    };
}
