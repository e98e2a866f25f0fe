using System.Runtime.InteropServices;

namespace Hub.Host.Hosting;

/// <summary>
/// glibc's native heap, where SQLite, OpenSSL, ICU and the runtime itself (the JIT's working memory among it) allocate.
/// glibc keeps what they free in its arenas for reuse instead of giving it back, so pages freed after the start or
/// after a burst stay in the hub's resident memory; <c>malloc_trim(0)</c> gives every whole free page back to the
/// system (docs/performance/memory-images.md). Only Linux with glibc has it: elsewhere (Windows, musl) nothing is done.
/// </summary>
internal static class NativeHeap
{
    private static readonly Lazy<bool> Trimmable = new(HasMallocTrim);

    /// <summary>True where the native heap can be trimmed: Linux with glibc.</summary>
    public static bool CanTrim => Trimmable.Value;

    /// <summary>Gives the native heap's free pages back to the system: true when some were given back.</summary>
    public static bool Trim() => CanTrim && MallocTrim(0) == 1;

    private static bool HasMallocTrim() =>
        OperatingSystem.IsLinux()
        && NativeLibrary.TryLoad("libc.so.6", typeof(NativeHeap).Assembly, DllImportSearchPath.SafeDirectories, out var libc)
        && NativeLibrary.TryGetExport(libc, "malloc_trim", out _);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
