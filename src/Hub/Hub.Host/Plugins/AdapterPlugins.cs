using System.Collections.Concurrent;
using Hub.Abstractions.Adapters;
using Hub.Host.Configuration;

namespace Hub.Host.Plugins;

/// <summary>
/// The adapter plugins in the plugins folder (<see cref="PluginsSettings"/>), one folder each, and what is wrong with those
/// that cannot be used. A process loads a folder once: the start, its configuration check and the CLI's commands share it.
/// </summary>
internal sealed class AdapterPlugins
{
    private static readonly ConcurrentDictionary<string, AdapterPlugins> Loaded = new(StringComparer.Ordinal);

    private AdapterPlugins(string? folder, IReadOnlyList<LoadedAdapterPlugin> plugins, IReadOnlyList<string> problems)
    {
        Folder = folder;
        Plugins = plugins;
        Problems = problems;
    }

    /// <summary>The plugins folder; null when there is none.</summary>
    public string? Folder { get; }

    public IReadOnlyList<LoadedAdapterPlugin> Plugins { get; }

    /// <summary>Every problem, each naming Hub:PluginsPath and the plugin.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static AdapterPlugins Of(HubConfiguration configuration)
    {
        string? folder;
        try
        {
            folder = PluginsSettings.Folder(configuration);
        }
        catch (HubConfigurationException refused)
        {
            return new AdapterPlugins(null, [], refused.Problems);
        }

        return folder is null ? new AdapterPlugins(null, [], []) : Loaded.GetOrAdd(Path.GetFullPath(folder), LoadAll);
    }

    /// <summary>Registers every usable plugin's adapter, as a shipped adapter's Add...Adapter method does.</summary>
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var plugin in Plugins)
        {
            plugin.Entry.Register(services, configuration);
        }
    }

    private static AdapterPlugins LoadAll(string folder)
    {
        var plugins = new List<LoadedAdapterPlugin>();
        var problems = new List<string>();
        var shipped = ShippedAdapterTypes();
        foreach (var pluginFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var (plugin, problem) = AdapterPluginFolder.Load(pluginFolder);
            if (plugin is not null && (shipped.Contains(plugin.AdapterType) || plugins.Any(p => string.Equals(p.AdapterType, plugin.AdapterType, StringComparison.OrdinalIgnoreCase))))
            {
                problem = $"plugin '{Path.GetFileName(pluginFolder)}' ({plugin.Describe()}) answers to adapter type '{plugin.AdapterType}', which another adapter already has; keep one of them.";
            }
            else if (plugin is not null && RegistrationProblem(plugin) is { } broken)
            {
                problem = broken;
            }

            if (problem is not null)
            {
                problems.Add(SettingProblems.Format(PluginsSettings.Key, problem));
            }
            else
            {
                plugins.Add(plugin!);
            }
        }

        return new AdapterPlugins(folder, plugins, problems);
    }

    /// <summary>Registers the plugin once on its own, with no system configured: what it throws, or a factory for another type, is its problem, not the start's.</summary>
    private static string? RegistrationProblem(LoadedAdapterPlugin plugin)
    {
        try
        {
            var services = new ServiceCollection();
            plugin.Entry.Register(services, new ConfigurationBuilder().Build());
            using var provider = services.BuildServiceProvider();
            return provider.GetService<AdapterRegistry>()?.KnownTypes.Contains(plugin.AdapterType, StringComparer.OrdinalIgnoreCase) == true
                ? null
                : $"plugin '{Path.GetFileName(plugin.Folder)}' ({plugin.Describe()}) registers no adapter factory for type '{plugin.AdapterType}'; call AddSystemAdapter with it in Register.";
        }
#pragma warning disable CA1031 // a plugin is code from outside the hub: whatever it throws is reported as its problem
        catch (Exception broken)
#pragma warning restore CA1031
        {
            return $"plugin '{Path.GetFileName(plugin.Folder)}' ({plugin.Describe()}) failed to register: {broken.GetType().Name}: {broken.Message}";
        }
    }

    private static HashSet<string> ShippedAdapterTypes() => new(Hosting.ShippedAdapters.Types, StringComparer.OrdinalIgnoreCase);
}
