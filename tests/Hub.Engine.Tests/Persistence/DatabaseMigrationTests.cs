namespace Hub.Engine.Tests.Persistence;

/// <summary>The schema comes from the provider's migrations at start, on SQLite and on PostgreSQL alike.</summary>
public abstract class DatabaseMigrationTests(IDatabaseSource databases)
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_creates_every_table_and_leaves_nothing_to_migrate()
    {
        await using var temp = await databases.CreateEmptyAsync();
        var before = await temp.TableNamesAsync();

        await temp.Database.MigrateAsync(CancellationToken.None);
        var tables = await temp.TableNamesAsync();

        Assert.Empty(before);

        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "cases", "links", "journal", "inbox", "outbox", "parked_changes", "system_state", "adapter_state", "case_numbers", "__EFMigrationsHistory" });
        Assert.Empty(await temp.Database.PendingMigrationsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_migrations_carry_every_part_of_the_model()
    {
        await using var temp = await databases.CreateAsync();
        await using var db = temp.Database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration for this provider: scaffold one");
    }

    [Fact]
    public async Task Two_hubs_starting_at_once_on_an_empty_database_both_come_up_on_one_schema()
    {
        await using var temp = await databases.CreateEmptyAsync();
        var service = temp.Database;
        var command = temp.StartAgain();

        await Task.WhenAll(
            Task.Run(() => service.MigrateAsync(CancellationToken.None)),
            Task.Run(() => command.MigrateAsync(CancellationToken.None)));

        Assert.Empty(await command.PendingMigrationsAsync(CancellationToken.None));
        await using var db = service.CreateContext();
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task A_second_start_finds_nothing_to_migrate_and_keeps_the_data()
    {
        await using var temp = await databases.CreateEmptyAsync();
        await temp.Database.MigrateAsync(CancellationToken.None);
        await using (var db = temp.Database.CreateContext())
        {
            db.Cases.Add(new CaseRecord { Id = "HUB-2026-000001", OriginSystem = "servicedesk", Title = "Verstopt toilet" });
            await db.SaveChangesAsync();
        }

        var again = temp.StartAgain();
        await again.MigrateAsync(CancellationToken.None);

        Assert.Empty(await again.PendingMigrationsAsync(CancellationToken.None));
        await using var check = again.CreateContext();
        Assert.Equal("Verstopt toilet", check.Cases.Single().Title);
    }
}

public sealed class DatabaseMigrationOnSqliteTests() : DatabaseMigrationTests(SqliteTestDatabase.Source)
{
    [Fact]
    public async Task A_fresh_sqlite_file_runs_in_wal_mode()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();

        Assert.Equal("wal", await temp.JournalModeAsync());
    }

    [Fact]
    public void A_relative_sqlite_file_is_taken_beside_the_configuration()
    {
        var database = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=data/hub.db" }, "/etc/hub");

        Assert.Equal(Path.GetFullPath("/etc/hub/data/hub.db"), database.DataSource);
    }
}

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class DatabaseMigrationOnPostgresTests(PostgresServer server) : DatabaseMigrationTests(server);
