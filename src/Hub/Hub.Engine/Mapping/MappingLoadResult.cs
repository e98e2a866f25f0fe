using Hub.Abstractions.Mapping;
using System.Diagnostics.CodeAnalysis;

namespace Hub.Engine.Mapping;

/// <summary>The outcome of loading a mappings directory: the merged mapping, or every error found.</summary>
public sealed class MappingLoadResult
{
    private MappingLoadResult(MappingSet? mappings, IReadOnlyList<MappingError> errors, IReadOnlyList<string> files)
    {
        Mappings = mappings;
        Errors = errors;
        Files = files;
    }

    public MappingSet? Mappings { get; }

    public IReadOnlyList<MappingError> Errors { get; }

    /// <summary>The file names that were read, in the order they were merged.</summary>
    public IReadOnlyList<string> Files { get; }

    [MemberNotNullWhen(true, nameof(Mappings))]
    public bool Succeeded => Mappings is not null;

    public static MappingLoadResult Success(MappingSet mappings, IReadOnlyList<string> files) => new(mappings, [], files);

    public static MappingLoadResult Failure(IReadOnlyList<MappingError> errors, IReadOnlyList<string> files) => new(null, errors, files);

    /// <summary>All errors, one per line, for logs and the command line.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors);
}
