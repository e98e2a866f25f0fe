using System.CommandLine;
using Hub.Host.Configuration;

namespace Hub.Host.Cli;

/// <summary>Loads the configuration a command was pointed at (--config), the same way the service does.</summary>
internal static class CliConfiguration
{
    public static HubConfiguration From(ParseResult parse) =>
        HubConfiguration.Load(parse.GetValue(CommonOptions.Config));
}
