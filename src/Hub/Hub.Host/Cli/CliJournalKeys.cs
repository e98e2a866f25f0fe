using System.CommandLine;
using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Host.Audit;
using Hub.Host.Configuration;
using Hub.Host.Hosting;

namespace Hub.Host.Cli;

/// <summary>
/// The journal keys and head file a command reads from its configuration, as the service does, so an entry a command
/// journals is signed like the service's and `hub verify` checks what the service signed.
/// </summary>
internal static class CliJournalKeys
{
    public static AuditOptions Options(HubConfiguration configuration) =>
        configuration.Root.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();

    public static JournalKeyRing Load(HubConfiguration configuration) =>
        JournalKeyFiles.Load(Options(configuration), configuration.BaseDirectory);

    /// <summary>Runs the command; a bad journal setting is reported as the service reports it, with exit code 2.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (HubConfigurationException bad)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"hub: configuration error: {bad.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return HubService.ExitConfiguration;
        }
    }
}
