using System.CommandLine;

namespace Hub.Host.Cli;

/// <summary>Options every command understands.</summary>
internal static class CommonOptions
{
    /// <summary>--config: the configuration file (default: appsettings.json beside the binary).</summary>
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default: appsettings.json beside the hub binary).",
        Recursive = true,
    };
}
