using System.Globalization;

#pragma warning disable CA1050 // The runtime finds a startup hook only as a type named StartupHook outside any namespace.

/// <summary>
/// Loaded into the hub's own process through DOTNET_STARTUP_HOOKS by the memory benchmark (never by anyone else):
/// every half second it appends the process's working set and the GC's heap figures to the file named in
/// HUB_BENCH_MEMORY_FILE, so the hub is measured from inside without changing it. Its own cost is one timer and
/// a short line written per sample.
/// </summary>
internal static class StartupHook
{
    public const string FileVariable = "HUB_BENCH_MEMORY_FILE";
    private static Timer? timer;

    public static void Initialize()
    {
        var file = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        timer = new Timer(_ => Sample(file), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
    }

    /// <summary>
    /// Linux: resident memory that is the process's own (RssAnon), pages of mapped files such as the runtime's libraries
    /// (RssFile), and shared memory (RssShmem: the JIT's code, mapped twice for write-xor-execute).
    /// </summary>
    private static (long Anonymous, long FileBacked, long Shared) ResidentKinds()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return (0, 0, 0);
        }

        long anonymous = 0, fileBacked = 0, shared = 0;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anonymous = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                fileBacked = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("RssShmem:", StringComparison.Ordinal))
            {
                shared = Kilobytes(line) * 1024;
            }
        }

        return (anonymous, fileBacked, shared);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);

    private static void Sample(string file)
    {
        var gc = GC.GetGCMemoryInfo();
        var (anonymous, fileBacked, shared) = ResidentKinds();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()},{Environment.WorkingSet},{GC.GetTotalMemory(false)},{gc.HeapSizeBytes},{gc.TotalCommittedBytes},{anonymous},{fileBacked},{shared},{(System.Runtime.GCSettings.IsServerGC ? 1 : 0)}\n");
        try
        {
            File.AppendAllText(file, line);
        }
        catch (IOException)
        {
            // the benchmark is reading the file at this moment: this sample is skipped
        }
    }
}
