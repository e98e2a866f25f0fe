using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// Adapters from outside the hub: the sample adapter, built against Hub.Abstractions alone, dropped into a plugins folder
/// and run by the real `hub`; a plugin built against another contract and a system naming no known adapter are refused
/// with exit code 2 and a line naming the key.
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class PluginTests(ITestOutputHelper log)
{
    [Fact]
    public async Task An_adapter_dropped_into_the_plugins_folder_runs_a_system_and_check_and_status_list_it()
    {
        using var site = new PluginSite();
        var plugin = site.DropSamplePlugin();
        site.WriteConfiguration();

        await using (var hub = HubProcess.Start(site.Folder, "run", "--config", Path.Combine(site.Folder, "appsettings.json")))
        {
            Assert.True(await hub.WaitUntilStartedAsync(TimeSpan.FromSeconds(60)), hub.Output);
            var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
            while (TimeProvider.System.GetUtcNow() < deadline && !hub.Output.Contains("Polled tickets: NotRouted: 1", StringComparison.Ordinal))
            {
                await Task.Delay(200);
            }

            log.WriteLine(hub.Output);
            // the person's ticket, read through the plugin's adapter, was taken in by the engine (no route leads anywhere from it)
            Assert.Contains("Polled tickets: NotRouted: 1", hub.Output, StringComparison.Ordinal);
            Assert.Contains($"Adapter plugin TicketDesk: Hub.Adapters.Example 1.0.0 (adapter contract 1.1) from {plugin}", hub.Output, StringComparison.Ordinal);
            hub.Terminate();
            await hub.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var (checkExit, check) = await site.RunAsync("check");
        var (_, status) = await site.RunAsync("status");
        log.WriteLine(check);
        log.WriteLine(status);

        Assert.True(checkExit == 0, check);
        Assert.Contains($"PASS  hub  adapter plugin: TicketDesk: Hub.Adapters.Example 1.0.0 (adapter contract 1.1) from {plugin}", check, StringComparison.Ordinal);
        Assert.Contains("PASS  tickets  ", check, StringComparison.Ordinal);
        Assert.Contains($"adapter plugin  TicketDesk: Hub.Adapters.Example 1.0.0 (adapter contract 1.1) from {plugin}", status, StringComparison.Ordinal);
        Assert.Matches(@"tickets\s+\d{4}-\d{2}-\d{2} ", status); // a good poll through the plugin
        Assert.DoesNotContain(PluginSite.ApiKey, check + status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_built_against_another_adapter_contract_is_refused_naming_the_plugin_its_version_and_the_hubs()
    {
        using var site = new PluginSite();
        PluginSite.BuiltAgainst(site.DropSamplePlugin(), "Hub.Abstractions", new Version(2, 0, 0, 0));
        site.WriteConfiguration();

        var (exit, output) = await site.RunAsync("run");

        Assert.True(exit == 2, output);
        Assert.Contains("hub: configuration error: Hub:PluginsPath: plugin 'Hub.Adapters.Example' (Hub.Adapters.Example 1.0.0, ", output, StringComparison.Ordinal);
        Assert.Contains("was built against adapter contract 2.0 (Hub.Abstractions 2.0.0.0), but this hub (0.1.0", output, StringComparison.Ordinal);
        Assert.Contains("has adapter contract 1.1: rebuild the plugin against this hub's Hub.Abstractions", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_built_against_a_newer_Microsoft_Extensions_than_the_hubs_runs_on_the_hubs()
    {
        using var site = new PluginSite();
        var plugin = site.DropSamplePlugin();
        PluginSite.BuiltAgainst(plugin, "Microsoft.Extensions.DependencyInjection.Abstractions", new Version(10, 0, 99, 0));
        site.WriteConfiguration();

        var (exit, output) = await site.RunAsync("check");

        Assert.True(exit == 0, output);
        Assert.Contains($"PASS  hub  adapter plugin: TicketDesk: Hub.Adapters.Example 1.0.0 (adapter contract 1.1) from {plugin}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_naming_an_adapter_no_plugin_brings_is_refused_naming_its_key()
    {
        using var site = new PluginSite();
        site.DropSamplePlugin();
        site.WriteConfiguration(adapter: "HelpDesk");

        var (exit, output) = await site.RunAsync("check");

        Assert.True(exit == 2, output);
        Assert.Contains("hub: configuration error: Hub:Systems:tickets:Adapter: unknown adapter 'HelpDesk'. Use one of: Dynamics, Email, ServiceNow, TicketDesk, TopDesk; " +
                        $"an adapter from outside the hub is a plugin folder in '{site.PluginsFolder}'.", output, StringComparison.Ordinal);
    }
}
