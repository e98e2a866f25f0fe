namespace Hub.Host.Configuration;

/// <summary>
/// Reads the hub's configuration: appsettings.json (beside the binary, or the file given with --config),
/// then environment variables (Hub__Systems__servicedesk__BaseUrl=…), then command-line overrides.
/// Relative paths in the configuration (database file, mappings) are taken from the file's directory.
/// </summary>
internal sealed record HubConfiguration(IConfigurationRoot Root, string BaseDirectory)
{
    public static HubConfiguration Load(string? configFile, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var file = Path.GetFullPath(configFile ?? Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        if (configFile is not null && !File.Exists(file))
        {
            throw new FileNotFoundException($"Configuration file not found: {file}", file);
        }

        var baseDirectory = Path.GetDirectoryName(file) ?? AppContext.BaseDirectory;
        var builder = new ConfigurationBuilder()
            .AddJsonFile(file, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return new HubConfiguration(builder.Build(), baseDirectory);
    }

    public string ResolvePath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
