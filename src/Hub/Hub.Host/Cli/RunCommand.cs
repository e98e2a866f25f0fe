using System.CommandLine;
using Hub.Host.Hosting;

namespace Hub.Host.Cli;

/// <summary>`hub run` (also plain `hub`): run the service as a Windows service, under systemd, or in a console.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the hub service (the default command).");
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.From(parse);
        return await HubService.RunAsync(configuration, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
    }
}
