using System.Diagnostics;
using System.Security.Cryptography;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// The hub as it ships: Hub.Host published with its linux-x64 publish profile's settings (IL only), framework-dependent
/// and not single-file so it runs as `dotnet hub.dll` like the Release build; the service's runtime settings
/// (no precompiled code, tiered compilation off) come from the unit's environment (<see cref="ServiceEnvironment"/>).
/// Published once into a cache folder beside this benchmark's build output, with an intermediate folder of its own
/// (the source tree's obj/ is left alone, and a later publish recompiles only what changed), and reused while the
/// Release build of Hub.Host it was published beside is byte for byte the same (what `dotnet run` of this project has
/// just rebuilt from the sources).
/// </summary>
internal static class ShippedHub
{
    private const string Profile = "linux-x64";

    public static string Folder => Path.Combine(HubProcess.RepositoryRoot(), "bench", "Hub.Benchmarks.Sync", "bin", "shipped-hub");

    /// <summary>The published hub.dll, published first when the sources changed since (minutes from scratch).</summary>
    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var output = Path.Combine(Folder, "hub");
        var dll = Path.Combine(output, "hub.dll");
        var keyFile = Path.Combine(Folder, "published-from.sha256");
        var key = SourceKey();
        if (File.Exists(dll) && File.Exists(keyFile) && await File.ReadAllTextAsync(keyFile, cancellationToken) == key)
        {
            Console.WriteLine($"Shipped build: up to date with the sources, reused from {output}");
            return dll;
        }

        Console.WriteLine(Figures.Invariant($"Shipped build: publishing Hub.Host (profile {Profile}: IL only; framework-dependent) into {output}; load average {Figures.LoadAverage()}"));
        Directory.CreateDirectory(Folder);
        File.Delete(keyFile);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        await PublishAsync(output, cancellationToken);
        await File.WriteAllTextAsync(keyFile, key, cancellationToken);
        Console.WriteLine(Figures.Invariant($"Shipped build: published in {watch.Elapsed.TotalSeconds:F0} s; load average {Figures.LoadAverage()}"));
        return dll;
    }

    private static async Task PublishAsync(string output, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", HostProject(), "-c", "Release", "-p:PublishProfile=" + Profile,
            "-p:SelfContained=false", "-p:PublishSingleFile=false", // runs as `dotnet hub.dll`, like the Release build
            "--artifacts-path", Path.Combine(Folder, "build"), "-o", output, "-v", "q", "-nologo",
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var said = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var complained = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the shipped build failed (exit {publish.ExitCode}):\n{await said}\n{await complained}");
        }
    }

    private static string HostProject() => Path.Combine(HubProcess.RepositoryRoot(), "src", "Hub", "Hub.Host", "Hub.Host.csproj");

    /// <summary>
    /// What the publish is made from: every file of Hub.Host's Release build (its assemblies, packages, deps and
    /// runtime settings, mappings) and the publish profile. Builds are deterministic, so unchanged sources give the same key.
    /// </summary>
    private static string SourceKey()
    {
        var release = Path.GetDirectoryName(HubProcess.HubDll)!;
        var profile = Path.Combine(Path.GetDirectoryName(HostProject())!, "Properties", "PublishProfiles", Profile + ".pubxml");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(release, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Append(profile))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(release, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
