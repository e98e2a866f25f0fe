using Hub.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace Hub.Testing.Engine;

/// <summary>A real SQLite correlation log in a fresh temp directory, migrated, removed afterwards.</summary>
public sealed class TempHubDatabase : IAsyncDisposable
{
    private TempHubDatabase(string directory)
    {
        Directory = directory;
        DataSource = Path.Combine(directory, "hub.db");
        Database = new HubDatabase(new DatabaseOptions { ConnectionString = $"Data Source={DataSource}" }, directory);
    }

    public string Directory { get; }

    public string DataSource { get; }

    public HubDatabase Database { get; }

    public static async Task<TempHubDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hub-audit-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var temp = new TempHubDatabase(directory);
        await temp.Database.MigrateAsync(CancellationToken.None);
        return temp;
    }

    /// <summary>Runs raw SQL on the file, as someone tampering with the database would.</summary>
    public async Task ExecuteSqlAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DataSource}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A reader still closing its file; the temp directory is cleaned by the OS later.
        }

        return ValueTask.CompletedTask;
    }
}
