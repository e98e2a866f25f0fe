using System.CommandLine;
using Hub.Host.Hosting;

namespace Hub.Host.Cli;

/// <summary>
/// `hub sandbox` was a subcommand of the service; the sandbox is now its own executable that starts the simulators
/// and runs this one (src/Hub/Hub.Sandbox), so the service ships no simulator. Hidden: it only points the way.
/// </summary>
internal sealed class SandboxMovedCommand : IHubCommandFactory
{
    public const string Hint = "hub: the sandbox is not part of the service; run it with: dotnet run --project src/Hub/Hub.Sandbox -- --once";

    public Command Create()
    {
        var command = new Command("sandbox", "Moved: dotnet run --project src/Hub/Hub.Sandbox") { Hidden = true, TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (parse, ct) =>
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(Hint.AsMemory(), ct);
            return HubService.ExitConfiguration;
        });
        return command;
    }
}
