using System.CommandLine;

namespace Hub.Host.Cli;

/// <summary>
/// A `hub` subcommand, one file per command, added to the command line by its line in <see cref="HubCommands"/> (a test
/// fails while one is not listed).
/// </summary>
internal interface IHubCommandFactory
{
    Command Create();
}
