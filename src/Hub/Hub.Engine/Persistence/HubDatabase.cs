using System.Runtime.CompilerServices;
using Hub.Abstractions.Adapters;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Hub.Engine.Persistence;

/// <summary>
/// Opens contexts on the configured provider and brings the schema up to date at start.
/// A relative SQLite path is resolved against the base directory it is given (where the configuration lives).
/// Contexts come from a pool (<see cref="ContextPoolSize"/>): a unit of work costs no new context's services, and
/// disposing it returns it reset (nothing tracked, no transaction, the connection closed) for the next one.
/// </summary>
public sealed class HubDatabase
{
    /// <summary>Contexts kept for reuse; more can be open at once, those beyond it are simply not kept.</summary>
    public const int ContextPoolSize = 32;

    private readonly Func<HubDbContext> create;

    public HubDatabase(DatabaseOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Provider;
        (DataSource, ConnectionString, create) = options.Provider switch
        {
            DatabaseProvider.Sqlite => OpenSqlite(options.ConnectionString, baseDirectory),
            DatabaseProvider.Postgres => OpenPostgres(options.ConnectionString),
            _ => throw new HubConfigurationException("Hub:Database:Provider", $"unknown provider '{options.Provider}'. Use Sqlite or Postgres."),
        };
    }

    /// <summary>
    /// The SQLite context pool. Each provider is opened in a method of its own, never inlined, so that a hub on SQLite
    /// does not resolve (and so does not load) Npgsql and its EF Core provider, and one on PostgreSQL not SQLite's.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string DataSource, string ConnectionString, Func<HubDbContext> Create) OpenSqlite(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new HubConfigurationException("Hub:Database:ConnectionString", "SQLite needs a Data Source, e.g. \"Data Source=hub.db\".");
        }

        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        }

        var sqlite = SqliteConnectionKeptOpen.KeepingConnectionsOpen(new DbContextOptionsBuilder<SqliteHubDbContext>()
            .UseSqlite(builder.ToString())
            .AddInterceptors(new SqliteConnectionsWithoutFunctions(), new SqlitePragmas(), JournalTransactionCommit.Instance))
            .Options;
        var pool = new PooledDbContextFactory<SqliteHubDbContext>(sqlite, ContextPoolSize);
        return (builder.DataSource, builder.ToString(), pool.CreateDbContext);
    }

    /// <summary>The PostgreSQL context pool (see <see cref="OpenSqlite"/> for why it is a method of its own).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string DataSource, string ConnectionString, Func<HubDbContext> Create) OpenPostgres(string connectionString)
    {
        var server = PostgresConnectionString(connectionString);
        var postgres = new DbContextOptionsBuilder<PostgresHubDbContext>()
            .UseNpgsql(server.ConnectionString)
            .AddInterceptors(JournalTransactionCommit.Instance)
            .Options;
        var pool = new PooledDbContextFactory<PostgresHubDbContext>(postgres, ContextPoolSize);
        return ($"PostgreSQL {server.Host}:{server.Port}/{server.Database}", server.ConnectionString, pool.CreateDbContext);
    }

    /// <summary>Checks a PostgreSQL connection string before the first connection, naming the key and never echoing the password.</summary>
    private static NpgsqlConnectionStringBuilder PostgresConnectionString(string connectionString)
    {
        const string Key = "Hub:Database:ConnectionString";
        const string Example = "e.g. \"Host=db.example.org;Port=5432;Database=hub;Username=hub;Password=…\"";
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException invalid)
        {
            throw new HubConfigurationException(Key, $"not a PostgreSQL connection string ({invalid.Message}); {Example}.");
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new HubConfigurationException(Key, $"PostgreSQL needs at least a Host and a Database, {Example}.");
        }

        return builder;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file in use, or the PostgreSQL server and database ("PostgreSQL db.example.org:5432/hub"), for logs.</summary>
    public string DataSource { get; }

    /// <summary>The connection string in use (a relative SQLite path resolved), also for the clustered scheduler. Holds the password: never log it.</summary>
    public string ConnectionString { get; }

    public HubDbContext CreateContext() => create();

    /// <summary>
    /// Applies pending migrations (none on a second start), one starter at a time, and, on SQLite, switches to WAL.
    /// </summary>
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

            if (Provider == DatabaseProvider.Postgres)
            {
                await MigrateOneAtATimeAsync(context, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Provider == DatabaseProvider.Sqlite)
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Migrates under a session advisory lock, released explicitly: a pooled connection keeps its session (and so the
    /// lock) until it is next used, which would hold back the next starter.
    /// </summary>
    private static Task MigrateOneAtATimeAsync(HubDbContext context, CancellationToken cancellationToken) =>
        UnderMigrationLockAsync(context, () => context.Database.MigrateAsync(cancellationToken), cancellationToken);

    private static async Task UnderMigrationLockAsync(HubDbContext context, Func<Task> work, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({HubAdvisoryLocks.Migrations})", cancellationToken).ConfigureAwait(false);
        try
        {
            await work().ConfigureAwait(false);
        }
        finally
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({HubAdvisoryLocks.Migrations})", CancellationToken.None).ConfigureAwait(false);
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a schema script of the host's (Quartz's tables), statement by statement, under the migration lock, so nodes
    /// starting together apply it one after the other; the script itself must only create what is missing.
    /// </summary>
    public async Task ApplyScriptAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            async Task Apply()
            {
                foreach (var statement in statements)
                {
                    await context.Database.ExecuteSqlRawAsync(statement, cancellationToken).ConfigureAwait(false);
                }
            }

            await (Provider == DatabaseProvider.Postgres ? UnderMigrationLockAsync(context, Apply, cancellationToken) : Apply()).ConfigureAwait(false);
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
