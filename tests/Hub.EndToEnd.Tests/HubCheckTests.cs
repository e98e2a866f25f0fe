using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The real `hub` executable checks a site before its first start (`hub check`), and the start runs the same checks:
/// a failing one is a warning in the log and the system degraded on /health, not a refused start.
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class HubCheckTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Hub_check_on_a_ready_site_passes_every_line_and_exits_0_then_fails_the_line_of_a_withdrawn_right_with_exit_1()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.WriteConfiguration();

        var (readyExit, ready) = await world.RunHubCommandAsync("check");
        world.TopDesk.WithdrawIncidentRights();
        var (failingExit, failing) = await world.RunHubCommandAsync("check");

        log.WriteLine(ready);
        Assert.True(readyExit == 0, ready);
        Assert.Contains("PASS  servicedesk  incident rights:", ready, StringComparison.Ordinal);
        Assert.Contains("PASS  facility  change tracking on incident:", ready, StringComparison.Ordinal);
        Assert.Contains("PASS  contractor  folder Directory:Quarantine:", ready, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", ready, StringComparison.Ordinal);
        Assert.Equal(1, failingExit);
        Assert.Contains("FAIL  servicedesk  incident rights:", failing, StringComparison.Ordinal);
        Assert.DoesNotContain(world.TopDesk.ApplicationPassword, ready + failing, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Dynamics.ClientSecret, ready + failing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_that_fails_at_start_is_a_warning_with_its_fix_and_degrades_that_system_on_health()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.Dynamics.DisableChangeTracking();
        var hub = world.StartHub();
        await world.WaitUntilListeningAsync();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };

        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        request.Headers.Add("X-Api-Key", ChainWorld.ApiKey);
        using var response = await http.SendAsync(request);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");

        var facility = checks.GetProperty("system:facility");
        Assert.Equal("Degraded", facility.GetProperty("status").GetString());
        Assert.Contains("change tracking on incident", facility.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(facility.GetProperty("data").GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "change tracking on incident" && !c.GetProperty("passed").GetBoolean());
        Assert.Equal("Healthy", checks.GetProperty("system:servicedesk").GetProperty("status").GetString());
        Assert.Contains("facility check failed: change tracking on incident: the Case (incident) table does not track changes", hub.Output, StringComparison.Ordinal);
        Assert.Contains("Fix: in Power Apps", hub.Output, StringComparison.Ordinal);
        Assert.False(hub.HasExited, hub.Output);
    }
}
