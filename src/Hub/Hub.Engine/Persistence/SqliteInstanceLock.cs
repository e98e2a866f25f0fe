using System.Globalization;
using System.Text;

namespace Hub.Engine.Persistence;

/// <summary>
/// The hub's hold on a SQLite database: "&lt;database&gt;.lock" beside it, opened with FileShare.None for the life of the
/// process. On Linux and macOS .NET takes an exclusive flock() on it (on Windows the file is opened without sharing), which
/// the kernel drops when the process ends however it ends, SIGKILL included, and which also refuses a second hold from
/// the same process. Because nobody else can open a file held that way, the holder is described in a second file,
/// "&lt;database&gt;.lock.holder" (pid, host, since), written right after the lock is taken; a killed holder's stale
/// description is overwritten by the next one.
/// </summary>
/// <remarks>
/// A byte-range lock (FileStream.Lock) would let one file carry both, but on Linux it is a POSIX record lock: it does not
/// conflict within one process and is dropped when the process closes any handle to the file.
/// </remarks>
internal sealed class SqliteInstanceLock : IAsyncDisposable
{
    private readonly FileStream file;

    private SqliteInstanceLock(FileStream file, string path)
    {
        this.file = file;
        Path = path;
    }

    public string Path { get; }

    public static SqliteInstanceLock Acquire(string databaseFile, HubInstance me)
    {
        ArgumentNullException.ThrowIfNull(me);
        var path = databaseFile + ".lock";
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new HubAlreadyRunningException(ReadHolder(path + ".holder"), databaseFile);
        }

        try
        {
            WriteHolder(path + ".holder", me);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new SqliteInstanceLock(file, path);
    }

    private static void WriteHolder(string path, HubInstance me)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"pid={me.ProcessId}\nhost={me.Host}\nsince={me.Since:O}\n");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The holder's description; <see cref="HubInstance.Unknown"/> when it is not (yet) there or unreadable.</summary>
    private static HubInstance ReadHolder(string path)
    {
        try
        {
            var fields = File.ReadAllLines(path)
                .Select(line => line.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .GroupBy(pair => pair[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            return new HubInstance(
                fields.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0,
                fields.GetValueOrDefault("host") ?? "unknown",
                fields.TryGetValue("since", out var since) && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return HubInstance.Unknown;
        }
    }

    public ValueTask DisposeAsync()
    {
        // Closing the file releases the lock. Both files stay: deleting the lock file could let a third hub lock a new
        // file of the same name while a second still holds the old one.
        file.Dispose();
        return ValueTask.CompletedTask;
    }
}
