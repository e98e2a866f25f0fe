using System.Diagnostics;
using System.Text.Json;

namespace Hub.Testing;

/// <summary>
/// The real `hub` executable as a child process, with a configuration file of the test's own. Its output is kept
/// (and shown when a test fails); it can be stopped politely (SIGTERM) or killed outright.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Process process;
    private readonly ProcessOutput output;

    private HubProcess(Process process)
    {
        this.process = process;
        output = new ProcessOutput(process);
    }

    public string Output => output.Text;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public int Id => process.Id;

    /// <summary>The file names of the assemblies (.dll) the running hub has mapped, from /proc/&lt;pid&gt;/maps (Linux): what it loaded.</summary>
    public async Task<IReadOnlySet<string>> MappedAssembliesAsync(CancellationToken cancellationToken = default) =>
        (await File.ReadAllLinesAsync($"/proc/{Id}/maps", cancellationToken))
            .Select(line => Path.GetFileName(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(5) ?? ""))
            .Where(name => name.EndsWith(".dll", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Names another build of the hub to run (e.g. a ReadyToRun publish), instead of the Hub.Host build output.</summary>
    public const string HubDllVariable = "HUB_DLL";

    /// <summary>
    /// The hub's binary beside the Hub.Host build output of the same configuration as this test, or the hub.dll named
    /// by <see cref="HubDllVariable"/> (the benchmarks measure a published build that way).
    /// </summary>
    public static string HubDll
    {
        get
        {
            if (Environment.GetEnvironmentVariable(HubDllVariable) is { Length: > 0 } given)
            {
                return File.Exists(given) ? given : throw new FileNotFoundException($"{HubDllVariable} names {given}, which does not exist.", given);
            }

            var testDir = AppContext.BaseDirectory; // e.g. tests/Hub.EndToEnd.Tests/bin/<Config>/net10.0/ (or a benchmark's)
            var config = new DirectoryInfo(testDir.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var root = RepositoryRoot();
            var dll = Path.Combine(root, "src", "Hub", "Hub.Host", "bin", config, "net10.0", "hub.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build Hub.Host first: {dll} is missing.", dll);
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Hub.sln not found above the test binaries.");
    }

    public static HubProcess Start(string workingDirectory, params string[] arguments) =>
        StartWith(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Starts `hub` with settings of its own in the environment (Hub__Api__Urls=…), over those of the configuration file.</summary>
    public static HubProcess StartWith(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HubDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new HubProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Writes a configuration file into the folder (JSON of nested sections).</summary>
    public static string WriteConfiguration(string folder, object configuration)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "appsettings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(configuration, Indented));
        return path;
    }

    /// <summary>Waits until the hub has logged its start ("Hub starting with …"); false when it exited or did not in time.</summary>
    public async Task<bool> WaitUntilStartedAsync(TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!Output.Contains("Hub starting with", StringComparison.Ordinal) && !HasExited && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100);
        }

        return !HasExited && Output.Contains("Hub starting with", StringComparison.Ordinal);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd or `kill` would send.</summary>
    public void Terminate()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill?.WaitForExit();
        }
    }

    /// <summary>Killed at once, mid-work: nothing gets to clean up.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        process.Dispose();
    }
}
