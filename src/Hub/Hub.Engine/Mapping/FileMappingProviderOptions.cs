namespace Hub.Engine.Mapping;

/// <summary>How <see cref="FileMappingProvider"/> notices edits to the mapping files.</summary>
public sealed class FileMappingProviderOptions
{
    /// <summary>Watch the directory for changes (FileSystemWatcher). Some file systems (network shares, containers) miss events.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long to wait after the last change event before reloading, so an editor's burst of writes loads once.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often to compare the files' content with what was loaded, as a fallback for missed events; zero turns it off.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
