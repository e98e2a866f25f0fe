using Hub.Core.Persistence;

namespace Hub.Core.Tests;

/// <summary>A real SQLite correlation log in a temp directory, removed afterwards.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(string directory, HubDatabase database)
    {
        Directory = directory;
        Database = database;
    }

    public string Directory { get; }
    public HubDatabase Database { get; }
    public string FilePath => Database.DataSource;

    public static async Task<TempDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hub-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=hub.db" }, directory);
        await database.MigrateAsync(CancellationToken.None);
        return new TempDatabase(directory, database);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
}
