using System.Reflection;

namespace Hub.Deploy.Tests;

/// <summary>The repository these tests were built from, and the hub built with them.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The `hub` executable of the build the tests run with (framework-dependent, beside its hub.dll).</summary>
    public static string BuiltHub
    {
        get
        {
            var dll = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HubExecutable").Value!;
            return Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "hub.exe" : "hub");
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Hub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Hub.sln not found above the test binaries.");
    }
}
