using Hub.Engine.Persistence;
using Hub.Host.Configuration;

namespace Hub.Host.Cli.Rehearsal;

/// <summary>
/// The correlation state a dry run plans against: the hub's database opened read-only, or, when the configured SQLite
/// file is not there yet, an empty one in a temporary folder (nothing is linked yet), deleted afterwards.
/// </summary>
internal sealed class RehearsalDatabase : IDisposable
{
    private readonly string? folder;

    private RehearsalDatabase(HubDatabase database, string description, string? folder)
    {
        Database = database;
        Description = description;
        this.folder = folder;
    }

    public HubDatabase Database { get; }

    /// <summary>What was planned against, for the report.</summary>
    public string Description { get; }

    /// <exception cref="AuditDatabaseUnavailableException">A database is configured but cannot be read as a hub database.</exception>
    public static async Task<RehearsalDatabase> OpenAsync(HubConfiguration configuration, CancellationToken cancellationToken)
    {
        var configured = HubDatabaseOpener.OpenReadOnly(configuration);
        if (configured.Provider == DatabaseProvider.Sqlite && configured.DataSource != ":memory:" && !File.Exists(configured.DataSource))
        {
            var folder = Path.Combine(Path.GetTempPath(), "hub-mappings-test", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var empty = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=rehearsal.db" }, folder);
            await empty.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return new RehearsalDatabase(empty, $"no hub database at {configured.DataSource} yet, so nothing is linked yet", folder);
        }

        var database = await AuditDatabase.OpenAsync(configuration, cancellationToken).ConfigureAwait(false);
        return new RehearsalDatabase(database, $"{database.DataSource} (read-only)", folder: null);
    }

    public void Dispose()
    {
        if (folder is null)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // an empty database in the temp folder; nothing of the hub's
        }
    }
}
