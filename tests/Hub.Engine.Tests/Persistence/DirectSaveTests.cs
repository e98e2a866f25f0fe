namespace Hub.Engine.Tests.Persistence;

/// <summary>
/// <see cref="DirectSave"/> writes what SaveChanges would for the rows a unit of work changed (the intake's case, the
/// link's memory, the year's case number): only the values changed, by the row's key, in the unit of work's transaction;
/// a row that is no longer there fails the save as SaveChanges fails it.
/// </summary>
public abstract class DirectSaveTests(IDatabaseSource databases)
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_changed_row_gets_its_changed_values_and_keeps_the_others_and_nothing_stays_tracked()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database);

        await using (var db = temp.Database.CreateContext())
        {
            var tx = await db.Database.BeginTransactionAsync();
            await using (tx)
            {
                var record = await db.Cases.SingleAsync(c => c.Id == "HUB-2026-000001");
                record.Status = "InProgress";
                record.UpdatedAt = Opened.AddHours(1);
                db.Inbox.Add(new InboxEntry { SystemName = "servicedesk", ExternalId = "I-1", Version = "2", SeenAt = Opened.AddHours(1) });
                await DirectSave.SaveAsync(db, CancellationToken.None);
                Assert.Empty(db.ChangeTracker.Entries());
                await tx.CommitAsync();
            }
        }

        await using var check = temp.StartAgain().CreateContext();
        var saved = await check.Cases.AsNoTracking().SingleAsync(c => c.Id == "HUB-2026-000001");
        Assert.Equal(("InProgress", Opened.AddHours(1), "Leaking tap", Opened), (saved.Status, saved.UpdatedAt, saved.Title, saved.CreatedAt));
        Assert.Equal(1, await check.Inbox.CountAsync());
    }

    /// <summary>
    /// DirectSave writes rows in the change tracker's order, not by their relationships as SaveChanges does, and falls
    /// back to SaveChanges for a type with a foreign key: a relationship added to the model must be seen here first.
    /// </summary>
    [Fact]
    public async Task No_table_of_the_hubs_model_has_a_foreign_key_so_every_unit_of_work_can_be_saved_directly()
    {
        await using var temp = await databases.CreateAsync();
        await using var db = temp.Database.CreateContext();

        var related = db.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetForeignKeys())
            .Select(key => $"{key.DeclaringEntityType.ClrType.Name} -> {key.PrincipalEntityType.ClrType.Name}");

        Assert.Empty(related);
    }

    [Fact]
    public async Task A_changed_row_that_is_gone_fails_the_save_as_SaveChanges_does()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database);

        await using var db = temp.Database.CreateContext();
        var tx = await db.Database.BeginTransactionAsync();
        await using (tx)
        {
            var record = await db.Cases.SingleAsync(c => c.Id == "HUB-2026-000001");
            await db.Database.ExecuteSqlAsync($"DELETE FROM cases WHERE \"Id\" = {record.Id}");
            record.Status = "InProgress";

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => DirectSave.SaveAsync(db, CancellationToken.None));
        }
    }

    private static async Task SeedAsync(HubDatabase database)
    {
        await using var db = database.CreateContext();
        db.Cases.Add(new CaseRecord { Id = "HUB-2026-000001", OriginSystem = "servicedesk", Title = "Leaking tap", Status = "New", CreatedAt = Opened, UpdatedAt = Opened });
        await db.SaveChangesAsync();
    }
}

public sealed class DirectSaveOnSqliteTests() : DirectSaveTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class DirectSaveOnPostgresTests(PostgresServer server) : DirectSaveTests(server);
