using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hub.Core.Persistence;

/// <summary>
/// Opens contexts on the configured provider and brings the schema up to date at start.
/// A relative SQLite path is resolved against <paramref name="baseDirectory"/> (where the configuration lives).
/// </summary>
public sealed class HubDatabase
{
    private readonly Func<HubDbContext> create;

    public HubDatabase(DatabaseOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Provider;
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                {
                    throw new Adapters.HubConfigurationException("Hub:Database:ConnectionString", "SQLite needs a Data Source, e.g. \"Data Source=hub.db\".");
                }

                if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
                {
                    builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
                }

                DataSource = builder.DataSource;
                var sqlite = new DbContextOptionsBuilder<SqliteHubDbContext>()
                    .UseSqlite(builder.ToString())
                    .AddInterceptors(new SqlitePragmas())
                    .Options;
                create = () => new SqliteHubDbContext(sqlite);
                break;
            case DatabaseProvider.Postgres:
                DataSource = "postgres";
                var postgres = new DbContextOptionsBuilder<PostgresHubDbContext>()
                    .UseNpgsql(options.ConnectionString)
                    .Options;
                create = () => new PostgresHubDbContext(postgres);
                break;
            default:
                throw new Adapters.HubConfigurationException("Hub:Database:Provider", $"unknown provider '{options.Provider}'. Use Sqlite or Postgres.");
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file in use (or "postgres").</summary>
    public string DataSource { get; }

    public HubDbContext CreateContext() => create();

    /// <summary>Applies pending migrations (none on a second start) and, on SQLite, switches to WAL.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            if (Provider == DatabaseProvider.Sqlite && DataSource != ":memory:")
            {
                var directory = Path.GetDirectoryName(DataSource);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
            }

            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (Provider == DatabaseProvider.Sqlite)
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Migrations not yet applied (empty after a start).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)];
        }
    }
}
