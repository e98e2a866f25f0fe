using Hub.Abstractions.Adapters;
using Hub.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace Hub.Host.Configuration;

/// <summary>Opens the correlation log named by Hub:Database, for the service and for the CLI commands.</summary>
internal static class HubDatabaseOpener
{
    public static HubDatabase Open(HubConfiguration configuration) => new(Options(configuration), configuration.BaseDirectory);

    /// <summary>For the audit commands: SQLite opened with Mode=ReadOnly, so a wrong path fails instead of creating a file.</summary>
    public static HubDatabase OpenReadOnly(HubConfiguration configuration)
    {
        var options = Options(configuration);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            options.ConnectionString = new SqliteConnectionStringBuilder(options.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        }

        return new HubDatabase(options, configuration.BaseDirectory);
    }

    private static DatabaseOptions Options(HubConfiguration configuration)
    {
        var section = configuration.Root.GetSection(DatabaseOptions.Section);
        var options = new DatabaseOptions();
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed)
                ? parsed
                : throw new HubConfigurationException($"{DatabaseOptions.Section}:Provider", $"'{provider}' is not a provider. Use Sqlite or Postgres.");
        }

        options.ConnectionString = section["ConnectionString"] is { Length: > 0 } cs ? cs : options.ConnectionString;
        return options;
    }

    /// <summary>Opens and brings the schema up to date: what every command does before it reads.</summary>
    public static async Task<HubDatabase> OpenMigratedAsync(HubConfiguration configuration, CancellationToken cancellationToken)
    {
        var database = Open(configuration);
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return database;
    }
}
