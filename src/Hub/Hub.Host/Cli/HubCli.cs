using System.CommandLine;

namespace Hub.Host.Cli;

/// <summary>The `hub` command line: run (default), mappings, trace, log, verify, deadletters, status, apikey, archive.</summary>
internal static class HubCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Hub keeps one complaint linked across service desk, building manager and contractor.");
        root.Options.Add(CommonOptions.Config);
        var run = RunCommand.Create();
        root.Subcommands.Add(run);
        foreach (var command in HubCommands.All())
        {
            root.Subcommands.Add(command);
        }

        root.SetAction((parse, ct) => RunCommand.RunAsync(parse, ct));
        return root;
    }
}
