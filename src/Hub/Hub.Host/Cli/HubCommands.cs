using System.CommandLine;

namespace Hub.Host.Cli;

/// <summary>Finds the subcommands of this assembly (see <see cref="IHubCommandFactory"/>).</summary>
internal static class HubCommands
{
    public static IEnumerable<Command> All() =>
        typeof(HubCommands).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IHubCommandFactory).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => ((IHubCommandFactory)Activator.CreateInstance(t)!).Create());
}
