namespace Hub.Engine.Mapping.Loading;

/// <summary>A piece of mapping read from a file, with the file and the JSON path it came from.</summary>
internal sealed record Located<T>(T Value, string File, string Path)
{
    public string PathOf(string property) => JsonPaths.Property(Path, property);
}
