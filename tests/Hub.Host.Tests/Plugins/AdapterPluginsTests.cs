using Hub.Host.Configuration;
using Hub.Host.Plugins;

namespace Hub.Host.Tests.Plugins;

/// <summary>What the hub says about a plugins folder it cannot use: each problem names Hub:PluginsPath and the plugin's folder.</summary>
public sealed class AdapterPluginsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hub-plugins-").FullName;

    private string Plugins => Path.Combine(folder, "plugins");

    [Fact]
    public void A_plugins_path_that_does_not_exist_is_named_by_its_key()
    {
        var plugins = AdapterPlugins.Of(Configuration("no-such-folder"));

        var problem = Assert.Single(plugins.Problems);
        Assert.StartsWith($"Hub:PluginsPath: the folder '{Path.Combine(folder, "no-such-folder")}' does not exist", problem, StringComparison.Ordinal);
        Assert.Empty(plugins.Plugins);
    }

    [Fact]
    public void A_plugin_folder_without_its_main_assembly_is_named()
    {
        Directory.CreateDirectory(Path.Combine(Plugins, "Hub.Adapters.Nothing"));

        var problem = Assert.Single(AdapterPlugins.Of(Configuration("plugins")).Problems);

        Assert.Contains($"plugin folder '{Path.Combine(Plugins, "Hub.Adapters.Nothing")}' holds no Hub.Adapters.Nothing.dll", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_main_assembly_that_is_no_dotnet_assembly_is_named()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(Plugins, "Broken")).FullName, "Broken.dll"), "not a PE file");

        var problem = Assert.Single(AdapterPlugins.Of(Configuration("plugins")).Problems);

        Assert.StartsWith("Hub:PluginsPath: plugin 'Broken' (", problem, StringComparison.Ordinal);
        Assert.Contains("cannot be read as a .NET assembly", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_built_without_the_adapter_contract_is_no_plugin()
    {
        var library = typeof(Microsoft.Extensions.Primitives.StringValues).Assembly.Location;
        var name = Path.GetFileNameWithoutExtension(library);
        File.Copy(library, Path.Combine(Directory.CreateDirectory(Path.Combine(Plugins, name)).FullName, name + ".dll"));

        var problem = Assert.Single(AdapterPlugins.Of(Configuration("plugins")).Problems);

        Assert.Contains($"plugin '{name}' ({name} ", problem, StringComparison.Ordinal);
        Assert.Contains("does not reference the adapter contract Hub.Abstractions", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_setting_and_without_a_plugins_folder_beside_the_hub_there_is_nothing_to_load()
    {
        var plugins = AdapterPlugins.Of(Configuration(null));

        Assert.Empty(plugins.Problems);
        Assert.Empty(plugins.Plugins);
    }

    private HubConfiguration Configuration(string? pluginsPath)
    {
        var file = Path.Combine(folder, "appsettings.json");
        File.WriteAllText(file, pluginsPath is null ? "{}" : $$"""{ "Hub": { "PluginsPath": "{{pluginsPath}}" } }""");
        return HubConfiguration.Load(file);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
