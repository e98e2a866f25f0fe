namespace Hub.Engine.Mapping;

/// <summary>The mappings could not be loaded at start; the message lists every error with file, path and fix.</summary>
public sealed class MappingLoadException : Exception
{
    public MappingLoadException(string directory, IReadOnlyList<MappingError> errors)
        : base(Compose(directory, errors))
    {
        Errors = errors;
    }

    public MappingLoadException()
    {
        Errors = [];
    }

    public MappingLoadException(string message)
        : base(message)
    {
        Errors = [];
    }

    public MappingLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<MappingError> Errors { get; }

    private static string Compose(string directory, IReadOnlyList<MappingError> errors) =>
        $"The mappings in '{directory}' have {errors.Count} error(s); the hub cannot start without a valid mapping:"
        + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
