using System.CommandLine;

namespace Hub.Host.Cli;

/// <summary>The `hub` command line: run (default), check, mappings, trace, log, verify, deadletters, status, apikey, archive. A bad configuration is
/// refused the same way by every command (<see cref="ConfigurationRefusal"/>).</summary>
internal static class HubCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Hub keeps one complaint linked across service desk, building manager and contractor.");
        root.Options.Add(CommonOptions.Config);
        VersionAction.AttachTo(root);
        var run = RunCommand.Create();
        root.Subcommands.Add(run);
        foreach (var command in HubCommands.All())
        {
            root.Subcommands.Add(command);
        }

        root.SetAction((parse, ct) => RunCommand.RunAsync(parse, ct));
        ConfigurationRefusal.GuardAll(root);
        return root;
    }
}
