using Hub.Engine.Persistence;
using Npgsql;

namespace Hub.Testing.Engine;

/// <summary>One test's own database on the private PostgreSQL server, with Hub:Database:Provider = Postgres. Dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly PostgresServer server;

    private PostgresTestDatabase(PostgresServer server, string connectionString)
        : base(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, Path.GetTempPath())
    {
        this.server = server;
    }

    /// <summary>
    /// A started database is copied from the server's migrated template (fast) and then goes through the hub's start
    /// like any other, which finds nothing to migrate; an empty one is a plain new database.
    /// </summary>
    public static async Task<PostgresTestDatabase> CreateAsync(PostgresServer server, bool started)
    {
        ArgumentNullException.ThrowIfNull(server);
        var database = new PostgresTestDatabase(server, await server.CreateDatabaseAsync(started ? PostgresServer.MigratedTemplate : "template1"));
        if (started)
        {
            await database.Database.MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    public override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<IReadOnlyList<string>> TableNamesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection);
        return await ReadNamesAsync(command);
    }

    public override async ValueTask DisposeAsync() => await server.DropDatabaseAsync(Options.ConnectionString);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Options.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
