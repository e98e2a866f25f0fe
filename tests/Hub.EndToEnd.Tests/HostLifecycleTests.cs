using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class HostLifecycleTests(ITestOutputHelper log) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hub-host", Guid.NewGuid().ToString("N")[..10]);

    private string Configure(object hub) => HubProcess.WriteConfiguration(folder, new { Hub = hub });

    private static string Mappings => Path.Combine(HubProcess.RepositoryRoot(), "mappings");

    [Fact]
    public async Task With_no_systems_the_hub_starts_schedules_nothing_and_stops_cleanly_on_sigterm()
    {
        var config = Configure(new { MappingsPath = Mappings, Api = new { Urls = "http://127.0.0.1:0" }, Systems = new { } });
        await using var hub = HubProcess.Start(folder, "run", "--config", config);

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (!hub.Output.Contains("Hub starting with 0 systems", StringComparison.Ordinal) && TimeProvider.System.GetUtcNow() < deadline && !hub.HasExited)
        {
            await Task.Delay(100);
        }

        Assert.False(hub.HasExited, hub.Output);
        Assert.Contains("Hub starting with 0 systems", hub.Output, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        hub.Terminate();
        var exit = await hub.WaitForExitAsync(TimeSpan.FromSeconds(25));

        log.WriteLine(hub.Output);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("Polled", hub.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "hub.db")), "the correlation log is created beside the configuration");
    }

    [Theory]
    [InlineData("PollInterval", "soon", "Hub:Systems:servicedesk:PollInterval")]
    [InlineData("BaseUrl", "not a url", "Hub:Systems:servicedesk:BaseUrl")]
    [InlineData("Adapter", "Jira", "Hub:Systems:servicedesk:Adapter")]
    public async Task A_bad_setting_stops_the_start_with_the_key_named(string setting, string value, string key)
    {
        var system = new Dictionary<string, string>
        {
            ["Adapter"] = "TopDesk", ["BaseUrl"] = "https://tenant.topdesk.net/tas/api/", ["Username"] = "hub", ["ApplicationPassword"] = "s3cret-app-password",
            [setting] = value,
        };
        var config = Configure(new { MappingsPath = Mappings, Api = new { Urls = "http://127.0.0.1:0" }, Systems = new { servicedesk = system } });
        await using var hub = HubProcess.Start(folder, "run", "--config", config);

        var exit = await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));

        log.WriteLine(hub.Output);
        Assert.NotEqual(0, exit);
        Assert.Contains(key, hub.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-app-password", hub.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mappings_validate_reports_on_the_shipped_mappings()
    {
        var config = Configure(new { MappingsPath = Mappings, Systems = new { } });
        await using var hub = HubProcess.Start(folder, "mappings", "validate", Mappings, "--config", config);

        var exit = await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, hub.Output);
        Assert.Contains("OK:", hub.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
