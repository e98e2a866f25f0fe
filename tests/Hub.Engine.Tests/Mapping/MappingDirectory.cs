namespace Hub.Engine.Tests.Mapping;

/// <summary>A temporary copy of the shipped mappings that a test may edit; deleted afterwards.</summary>
public sealed class MappingDirectory : IDisposable
{
    private MappingDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>The repository's own mappings/ directory.</summary>
    public static string Shipped => System.IO.Path.Combine(RepositoryRoot(), "mappings");

    public static MappingDirectory CopyOfShipped()
    {
        var directory = Empty();
        foreach (var file in Directory.EnumerateFiles(Shipped))
        {
            File.Copy(file, System.IO.Path.Combine(directory.Path, System.IO.Path.GetFileName(file)));
        }

        return directory;
    }

    public static MappingDirectory Empty()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hub-mappings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new MappingDirectory(path);
    }

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    /// <summary>Writes a whole file at once (temporary file, then rename), as editors save, so no reader sees half of it.</summary>
    public void Write(string file, string text)
    {
        var target = System.IO.Path.Combine(Path, file);
        var temporary = target + ".saving";
        File.WriteAllText(temporary, text);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Replaces one piece of text in a file; fails when the piece is not there, so an edit never silently does nothing.</summary>
    public void Edit(string file, string oldText, string newText)
    {
        var text = Read(file);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        Write(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Delete(string file) => File.Delete(System.IO.Path.Combine(Path, file));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Hub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Hub.sln above {AppContext.BaseDirectory}; the tests must run inside the repository.");
    }
}
