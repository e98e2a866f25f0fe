using System.CommandLine;
using System.Globalization;
using Hub.Engine.Cluster;
using Hub.Engine.Sync;
using Hub.Host.Cluster;
using Hub.Host.Configuration;
using Hub.Host.Plugins;

namespace Hub.Host.Cli;

/// <summary>
/// `hub status`: per system the last good poll, last error, pending commands and their age, dead letters, parked changes;
/// then the nodes on the database, who polls which system now and leases older than they should be (<see cref="ClusterText"/>).
/// </summary>
internal sealed class StatusCommand : IHubCommandFactory
{
    public Command Create()
    {
        var command = new Command("status", "Show per system: last successful poll, queue depth, oldest pending command, dead letters.");
        command.SetAction(async (parse, ct) =>
        {
            var configuration = CliConfiguration.From(parse);
            var database = await HubDatabaseOpener.OpenMigratedAsync(configuration, ct);
            var systems = SystemSettings.ReadAll(configuration.Root).Select(s => s.Name).ToList();
            var statuses = await HubStatus.ReadAsync(database, systems, ct);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"{"SYSTEM",-14} {"LAST GOOD POLL",-26} {"PENDING",7} {"OLDEST PENDING",-26} {"DEAD",5} {"PARKED",6}  LAST ERROR");
            foreach (var s in statuses)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{TerminalText.Clean(s.System),-14} {Format(s.LastSuccessfulPollAt),-26} {s.Pending,7} {Format(s.OldestPendingSince),-26} {s.DeadLetters,5} {s.Parked,6}  {TerminalText.Clean(s.LastError)}"));
            }

            foreach (var plugin in AdapterPlugins.Of(configuration).Plugins)
            {
                output.WriteLine($"adapter plugin  {TerminalText.Clean(plugin.Describe())}");
            }

            var cluster = await ClusterView.ReadAsync(database, configuration.Root.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions(), TimeProvider.System, ct);
            ClusterText.Write(output, cluster);
            return statuses.Any(s => s.DeadLetters > 0 || s.LastError is not null) || cluster.Hub.OverdueLeases.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static string Format(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never";
}
