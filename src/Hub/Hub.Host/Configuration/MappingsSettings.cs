using Hub.Abstractions.Adapters;

namespace Hub.Host.Configuration;

/// <summary>Hub:MappingsPath: the directory of the admin's mapping files, relative to the configuration file.</summary>
internal static class MappingsSettings
{
    public static string Directory(HubConfiguration configuration)
    {
        var path = configuration.ResolvePath(configuration.Root["Hub:MappingsPath"] is { Length: > 0 } p ? p : "mappings");
        if (!System.IO.Directory.Exists(path))
        {
            throw new HubConfigurationException("Hub:MappingsPath", $"the directory '{path}' does not exist; point it at the folder holding the mapping JSON files.");
        }

        return path;
    }
}
