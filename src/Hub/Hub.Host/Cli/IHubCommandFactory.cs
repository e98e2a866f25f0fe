using System.CommandLine;

namespace Hub.Host.Cli;

/// <summary>
/// A `hub` subcommand. Every non-abstract class implementing this, with a parameterless constructor, is added
/// to the command line by <see cref="HubCommands"/>; one file per command.
/// </summary>
internal interface IHubCommandFactory
{
    Command Create();
}
