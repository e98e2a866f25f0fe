using System.CommandLine;
using Hub.Core.Persistence;
using Hub.Host.Configuration;

namespace Hub.Host.Cli;

/// <summary>Opens the correlation log for a read-only audit command, from the configuration given with --config.</summary>
internal static class AuditDatabase
{
    public static async Task<HubDbContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var database = await HubDatabaseOpener.OpenMigratedAsync(CliConfiguration.From(parse), cancellationToken).ConfigureAwait(false);
        return database.CreateContext();
    }
}
