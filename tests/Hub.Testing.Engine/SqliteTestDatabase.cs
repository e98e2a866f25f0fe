using Hub.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace Hub.Testing.Engine;

/// <summary>A real SQLite correlation log in a temp directory, removed afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private SqliteTestDatabase(string directory)
        : base(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=hub.db" }, directory)
    {
        Directory = directory;
    }

    /// <summary>Hands each test a fresh SQLite file.</summary>
    public static IDatabaseSource Source { get; } = new FileSource();

    public string Directory { get; }

    public string FilePath => Database.DataSource;

    public static async Task<SqliteTestDatabase> CreateAsync(bool started = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "hub-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var temp = new SqliteTestDatabase(directory);
        if (started)
        {
            await temp.Database.MigrateAsync(CancellationToken.None);
        }

        return temp;
    }

    public override Task ExecuteSqlAsync(string sql) => ExecuteSqlAsync(sql, []);

    /// <summary>Runs SQL with named parameters (<c>$text</c>) on the file, as someone tampering with the database would.</summary>
    public async Task ExecuteSqlAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public override async Task<IReadOnlyList<string>> TableNamesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        return await ReadNamesAsync(command);
    }

    /// <summary>The journal mode the file runs in ("wal" after a hub start).</summary>
    public async Task<string?> JournalModeAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string?)await command.ExecuteScalarAsync();
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by the OS is left in the temp folder; it holds only test data
        }

        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={FilePath}");
        await connection.OpenAsync();
        return connection;
    }

    private sealed class FileSource : IDatabaseSource
    {
        public async Task<TestDatabase> CreateAsync() => await SqliteTestDatabase.CreateAsync();

        public async Task<TestDatabase> CreateEmptyAsync() => await SqliteTestDatabase.CreateAsync(started: false);
    }
}
