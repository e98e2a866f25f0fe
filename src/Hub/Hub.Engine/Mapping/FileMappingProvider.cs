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
    private readonly ILogger<FileMappingProvider> _logger;
    private readonly TimeProvider _time;
    private readonly FileMappingProviderOptions _options;
    private readonly Lock _reloadGate = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _debounce;
    private readonly ITimer? _poll;
    private MappingSet _current;
    private string _lastSeenContent;
    private volatile ReloadState _state;
    private bool _disposed;

    /// <exception cref="MappingLoadException">The directory's mappings have errors; the message lists them.</exception>
    public FileMappingProvider(string directory, ILogger<FileMappingProvider> logger, TimeProvider timeProvider, FileMappingProviderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new FileMappingProviderOptions();

        _lastSeenContent = ContentStamp();
        var first = MappingLoader.Load(Directory);
        if (!first.Succeeded)
        {
            throw new MappingLoadException(Directory, first.Errors);
        }

        _current = first.Mappings;
        _state = new ReloadState(_time.GetUtcNow(), []);
        _logger.LogInformation("Mappings version {MappingVersion} loaded from {MappingDirectory} ({MappingFiles})", _current.Version, Directory, string.Join(", ", first.Files));

        _debounce = _time.CreateTimer(_ => CheckInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (_options.PollInterval > TimeSpan.Zero)
        {
            _poll = _time.CreateTimer(_ => CheckInBackground(), null, _options.PollInterval, _options.PollInterval);
        }

        if (_options.WatchForChanges)
        {
            _watcher = StartWatching();
        }
    }

    public string Directory { get; }

    public MappingSet Current => Volatile.Read(ref _current);

    /// <summary>When the mapping in force was loaded.</summary>
    public DateTimeOffset LastReloadAt => _state.LoadedAt;

    /// <summary>The errors of the last rejected edit; empty when the files on disk are the ones in force.</summary>
    public IReadOnlyList<MappingError> LastErrors => _state.Errors;

    /// <summary>The errors of the last rejected edit as one text, or null when there are none.</summary>
    public string? LastError => _state.Errors.Count == 0 ? null : string.Join(Environment.NewLine, _state.Errors);

    /// <summary>Raised on a background thread after a good reload, with the new mapping; keep handlers short.</summary>
    public event EventHandler<MappingSet>? Reloaded;

    /// <summary>Reads the files now if their content changed since the last attempt; true when a new mapping took effect.</summary>
    public bool CheckForChanges()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return false;
            }

            var content = ContentStamp();
            if (content == _lastSeenContent)
            {
                return false;
            }

            _lastSeenContent = content;
            return Reload();
        }
    }

    public void Dispose()
    {
        lock (_reloadGate)
        {
            _disposed = true;
        }

        _watcher?.Dispose();
        _debounce.Dispose();
        _poll?.Dispose();
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
            _logger.LogError(e, "Checking the mappings in {MappingDirectory} for changes failed", Directory);
        }
    }

    private bool Reload()
    {
        var result = MappingLoader.Load(Directory);
        if (!result.Succeeded)
        {
            _logger.LogError(
                "Mapping change in {MappingDirectory} rejected; version {MappingVersion} stays in force. {ErrorCount} error(s):{NewLine}{MappingErrors}",
                Directory,
                Current.Version,
                result.Errors.Count,
                Environment.NewLine,
                result.Describe());

            // Published after the log line, so whoever sees the errors here finds them in the log too.
            _state = _state with { Errors = result.Errors };
            return false;
        }

        var previous = Current;
        if (result.Mappings.Version == previous.Version)
        {
            _state = _state with { Errors = [] };
            _logger.LogInformation("Mapping files in {MappingDirectory} are valid again; version {MappingVersion} stays in force", Directory, previous.Version);
            return false;
        }

        Volatile.Write(ref _current, result.Mappings);
        _state = new ReloadState(_time.GetUtcNow(), []);
        _logger.LogInformation("Mappings reloaded from {MappingDirectory}: version {PreviousVersion} → {MappingVersion}", Directory, previous.Version, result.Mappings.Version);
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
            _logger.LogWarning(e.GetException(), "Watching {MappingDirectory} failed; relying on the periodic check", Directory);
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
            _logger.LogWarning(e, "Cannot watch {MappingDirectory} for changes; edits are noticed by the periodic check every {PollInterval}", Directory, _options.PollInterval);
            watcher.Dispose();
            return null;
        }
    }

    private void ScheduleCheck() => _debounce.Change(_options.Debounce, Timeout.InfiniteTimeSpan);

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
