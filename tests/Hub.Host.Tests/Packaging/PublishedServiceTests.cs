using System.Diagnostics;
using System.Text.Json;

namespace Hub.Host.Tests.Packaging;

/// <summary>
/// What a site installs: `dotnet publish src/Hub/Hub.Host`. Test tooling (the simulators, WireMock.Net and the template
/// and XPath engines it brings) belongs to the sandbox and the tests, never to the service.
/// </summary>
public sealed class PublishedServiceTests : IDisposable
{
    private static readonly string[] TestTooling = ["Hub.Simulators", "WireMock", "Handlebars", "Scriban", "XPath"];
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hub-publish-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_published_hub_holds_no_simulator_or_WireMock_assembly()
    {
        await PublishAsync();

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("hub.dll", files);
        Assert.Contains("Hub.Adapters.Dynamics.dll", files);
        foreach (var tool in TestTooling)
        {
            Assert.DoesNotContain(files, f => f!.Contains(tool, StringComparison.OrdinalIgnoreCase));
        }

        var dependencies = await File.ReadAllTextAsync(Path.Combine(folder, "hub.deps.json"));
        Assert.Contains("Hub.Engine", dependencies, StringComparison.Ordinal);
        foreach (var tool in TestTooling)
        {
            Assert.DoesNotContain(tool, dependencies, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_published_hub_caps_the_GC_gen0_budget_at_4_MB_in_its_runtimeconfig_however_it_is_started()
    {
        var properties = await PublishedRuntimePropertiesAsync();

        Assert.Equal("0x400000", properties.GetProperty("System.GC.Gen0MaxBudget").GetString());
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public async Task A_published_hub_commits_its_GC_heap_in_1_MB_regions_however_it_is_started()
    {
        var properties = await PublishedRuntimePropertiesAsync();

        Assert.True(properties.TryGetProperty("System.GC.RegionSize", out var regionSize), "hub.runtimeconfig.json sets no GC region size: " + properties);
        Assert.Equal("0x100000", regionSize.GetString());
    }

    [Fact]
    public async Task A_published_hub_lets_an_idle_thread_pool_worker_block_at_once_instead_of_spinning_however_it_is_started()
    {
        var properties = await PublishedRuntimePropertiesAsync();

        Assert.Equal("0", properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").ToString());
    }

    /// <summary>The runtime settings the published hub.runtimeconfig.json gives the runtime (configProperties).</summary>
    private async Task<JsonElement> PublishedRuntimePropertiesAsync()
    {
        await PublishAsync();
        using var runtimeConfig = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "hub.runtimeconfig.json")));
        return runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    /// <summary>
    /// Publishes the hub this test run was built with (same configuration, --no-build: seconds, and the build output
    /// that other tests run from is left alone); what it copies is what a Release publish copies.
    /// </summary>
    private async Task PublishAsync()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // tests/Hub.Host.Tests/bin/<Config>/net10.0
        var configuration = testDir.Parent!.Name;
        var project = Path.Combine(RepositoryRoot(testDir), "src", "Hub", "Hub.Host", "Hub.Host.csproj");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", project, "--no-build", "-c", configuration, "-o", folder, "--nologo" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        using var publish = Process.Start(info)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await error}");
    }

    private static string RepositoryRoot(DirectoryInfo from)
    {
        var dir = from;
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Hub.sln not found above the test binaries.");
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
