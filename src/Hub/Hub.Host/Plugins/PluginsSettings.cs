using Hub.Abstractions.Adapters;
using Hub.Host.Configuration;

namespace Hub.Host.Plugins;

/// <summary>
/// Hub:PluginsPath: the folder adapter plugins are dropped into, one folder per plugin. Relative to the configuration
/// file when set; by default <c>plugins</c> beside the executable, which may be missing (then no plugin is loaded).
/// </summary>
internal static class PluginsSettings
{
    public const string Key = "Hub:PluginsPath";

    /// <summary>The plugins folder, or null when the default one is not there.</summary>
    public static string? Folder(HubConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Root[Key] is not { Length: > 0 } configured)
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "plugins");
            return Directory.Exists(beside) ? beside : null;
        }

        var path = configuration.ResolvePath(configured);
        return Directory.Exists(path)
            ? path
            : throw new HubConfigurationException(Key, $"the folder '{path}' does not exist; point it at the folder that holds one folder per adapter plugin, or remove the setting.");
    }
}
