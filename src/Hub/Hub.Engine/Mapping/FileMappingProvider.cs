using Hub.Abstractions.Mapping;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Mapping;

/// <summary>
/// The mapping in force, loaded from a directory and reloaded when its files change. A good reload swaps
/// <see cref="Current"/> atomically and raises <see cref="Reloaded"/>; a broken edit keeps the last good mapping
/// live, logs every error and shows them in <see cref="LastErrors"/> until the files are fixed. Changes are noticed
/// by a FileSystemWatcher (debounced) and, because watchers miss events on some file systems, by comparing the
/// files' content on a timer.
/// </summary>
public sealed class FileMappingProvider : IMappingProvider, IDisposable
{
    private readonly ILogger<FileMappingProvider> logger;
    private readonly TimeProvider time;
    private readonly FileMappingProviderOptions options;
    private readonly Lock reloadGate = new();
    private readonly FileSystemWatcher? watcher;
    private readonly ITimer debounce;
    private readonly ITimer? poll;
    private MappingSet current;
    private string lastSeenContent;
    private volatile ReloadState state;
    private bool disposed;

    /// <exception cref="MappingLoadException">The directory's mappings have errors; the message lists them.</exception>
    public FileMappingProvider(string directory, ILogger<FileMappingProvider> logger, TimeProvider timeProvider, FileMappingProviderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.options = options ?? new FileMappingProviderOptions();

        lastSeenContent = ContentStamp();
        var first = MappingLoader.Load(Directory);
        if (!first.Succeeded)
        {
            throw new MappingLoadException(Directory, first.Errors);
        }

        current = first.Mappings;
        state = new ReloadState(time.GetUtcNow(), []);
        logger.LogInformation("Mappings version {MappingVersion} loaded from {MappingDirectory} ({MappingFiles})", current.Version, Directory, string.Join(", ", first.Files));

        debounce = time.CreateTimer(_ => CheckInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (this.options.PollInterval > TimeSpan.Zero)
        {
            poll = time.CreateTimer(_ => CheckInBackground(), null, this.options.PollInterval, this.options.PollInterval);
        }

        if (this.options.WatchForChanges)
        {
            watcher = StartWatching();
        }
    }

    public string Directory { get; }

    public MappingSet Current => Volatile.Read(ref current);

    /// <summary>When the mapping in force was loaded.</summary>
    public DateTimeOffset LastReloadAt => state.LoadedAt;

    /// <summary>The errors of the last rejected edit; empty when the files on disk are the ones in force.</summary>
    public IReadOnlyList<MappingError> LastErrors => state.Errors;

    /// <summary>The errors of the last rejected edit as one text, or null when there are none.</summary>
    public string? LastError => state.Errors.Count == 0 ? null : string.Join(Environment.NewLine, state.Errors);

    /// <summary>Raised on a background thread after a good reload, with the new mapping; keep handlers short.</summary>
    public event EventHandler<MappingSet>? Reloaded;

    /// <summary>Reads the files now if their content changed since the last attempt; true when a new mapping took effect.</summary>
    public bool CheckForChanges()
    {
        lock (reloadGate)
        {
            if (disposed)
            {
                return false;
            }

            var content = ContentStamp();
            if (content == lastSeenContent)
            {
                return false;
            }

            lastSeenContent = content;
            return Reload();
        }
    }

    public void Dispose()
    {
        lock (reloadGate)
        {
            disposed = true;
        }

        watcher?.Dispose();
        debounce.Dispose();
        poll?.Dispose();
    }

    /// <summary>Timer callbacks must not throw (it would end the process); a failing Reloaded handler is logged instead.</summary>
    private void CheckInBackground()
    {
        try
        {
            CheckForChanges();
        }
#pragma warning disable CA1031 // The timer thread has no caller to hand the exception to; logging it is the only sensible end.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Checking the mappings in {MappingDirectory} for changes failed", Directory);
        }
    }

    private bool Reload()
    {
        var result = MappingLoader.Load(Directory);
        if (!result.Succeeded)
        {
            logger.LogError(
                "Mapping change in {MappingDirectory} rejected; version {MappingVersion} stays in force. {ErrorCount} error(s):{NewLine}{MappingErrors}",
                Directory,
                Current.Version,
                result.Errors.Count,
                Environment.NewLine,
                result.Describe());

            // Published after the log line, so whoever sees the errors here finds them in the log too.
            state = state with { Errors = result.Errors };
            return false;
        }

        var previous = Current;
        if (result.Mappings.Version == previous.Version)
        {
            state = state with { Errors = [] };
            logger.LogInformation("Mapping files in {MappingDirectory} are valid again; version {MappingVersion} stays in force", Directory, previous.Version);
            return false;
        }

        Volatile.Write(ref current, result.Mappings);
        state = new ReloadState(time.GetUtcNow(), []);
        logger.LogInformation("Mappings reloaded from {MappingDirectory}: version {PreviousVersion} → {MappingVersion}", Directory, previous.Version, result.Mappings.Version);
        Reloaded?.Invoke(this, result.Mappings);
        return true;
    }

    private FileSystemWatcher? StartWatching()
    {
        var watcher = new FileSystemWatcher(Directory) { IncludeSubdirectories = false };
        watcher.Changed += (_, _) => ScheduleCheck();
        watcher.Created += (_, _) => ScheduleCheck();
        watcher.Deleted += (_, _) => ScheduleCheck();
        watcher.Renamed += (_, _) => ScheduleCheck();
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Watching {MappingDirectory} failed; relying on the periodic check", Directory);
            ScheduleCheck();
        };
        try
        {
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // E.g. the inotify instance limit is reached: the hub still runs and notices edits by the periodic check.
            logger.LogWarning(e, "Cannot watch {MappingDirectory} for changes; edits are noticed by the periodic check every {PollInterval}", Directory, options.PollInterval);
            watcher.Dispose();
            return null;
        }
    }

    private void ScheduleCheck() => debounce.Change(options.Debounce, Timeout.InfiniteTimeSpan);

    /// <summary>A hash of the mapping files' names and bytes: cheap for a few small files, and blind to timestamps that lie.</summary>
    private string ContentStamp()
    {
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var file in MappingLoader.MappingFiles(Directory))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file mid-write or a vanished directory: a distinct stamp, so the load reports what is wrong.
            return $"unreadable:{e.GetType().Name}:{e.Message}";
        }
    }

    private sealed record ReloadState(DateTimeOffset LoadedAt, IReadOnlyList<MappingError> Errors);
}
