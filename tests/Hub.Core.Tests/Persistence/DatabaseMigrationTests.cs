using Hub.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace Hub.Core.Tests.Persistence;

public sealed class DatabaseMigrationTests
{
    [Fact]
    public async Task A_fresh_database_gets_every_table_and_runs_in_wal_mode()
    {
        await using var temp = await TempDatabase.CreateAsync();

        await using var connection = new SqliteConnection($"Data Source={temp.FilePath}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        var journalMode = (string?)await mode.ExecuteScalarAsync();

        Assert.Equal("wal", journalMode);
        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "cases", "links", "journal", "inbox", "outbox", "parked_changes", "system_state", "adapter_state", "case_numbers" });
    }

    [Fact]
    public async Task A_second_start_finds_nothing_to_migrate_and_keeps_the_data()
    {
        await using var temp = await TempDatabase.CreateAsync();
        await using (var db = temp.Database.CreateContext())
        {
            db.Cases.Add(new CaseRecord { Id = "HUB-2026-000001", OriginSystem = "servicedesk", Title = "Verstopt toilet" });
            await db.SaveChangesAsync();
        }

        var again = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=hub.db" }, temp.Directory);
        await again.MigrateAsync(CancellationToken.None);

        Assert.Empty(await again.PendingMigrationsAsync(CancellationToken.None));
        await using var check = again.CreateContext();
        Assert.Equal("Verstopt toilet", check.Cases.Single().Title);
    }

    [Fact]
    public void A_relative_sqlite_file_is_taken_beside_the_configuration()
    {
        var database = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=data/hub.db" }, "/etc/hub");

        Assert.Equal(Path.GetFullPath("/etc/hub/data/hub.db"), database.DataSource);
    }
}
