namespace Hub.Engine.Tests.Persistence;

/// <summary>
/// Units of work share contexts from a pool (<see cref="HubDatabase.ContextPoolSize"/>): one that took the journal's
/// write lock and was dropped without saving (an exception, a rehearsal) must hand the next one a clean context: the lock
/// released, nothing of its own left to commit.
/// </summary>
public abstract class PooledUnitOfWorkTests(IDatabaseSource databases)
{
    [Fact]
    public async Task A_unit_of_work_dropped_after_taking_the_journal_lock_leaves_the_next_ones_free_to_save_and_to_journal()
    {
        await using var temp = await databases.CreateAsync();
        var journal = new HubJournal(TimeProvider.System);
        await using (var dropped = temp.Database.CreateContext())
        {
            await journal.AppendAsync(dropped, Line("never saved"), CancellationToken.None); // takes the write lock in a transaction of its own
        }

        var store = new DatabaseAdapterStateStore(temp.Database); // saves without the journal's lock, on the context just returned
        await store.SetAsync("contractor", "order:1", "sent", CancellationToken.None);
        await using (var next = temp.Database.CreateContext())
        {
            await journal.AppendAsync(next, Line("saved"), CancellationToken.None);
            await next.SaveChangesAsync();
        }

        await using var check = temp.StartAgain().CreateContext();
        var entries = await check.Journal.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.After }).ToListAsync();
        var verdict = await JournalVerifier.VerifyAsync(check, CancellationToken.None);
        Assert.Equal("sent", await new DatabaseAdapterStateStore(temp.StartAgain()).GetAsync("contractor", "order:1", CancellationToken.None));
        Assert.Equal([(1L, "saved")], entries.Select(e => (e.Sequence, e.After)));
        Assert.True(verdict.IsIntact, verdict.ToString());
    }

    private static JournalLine Line(string after) => new()
    {
        CaseId = "HUB-2026-000001", Kind = "StatusChanged", Outcome = JournalOutcome.Applied, SourceSystem = "servicedesk", After = after,
    };
}

public sealed class PooledUnitOfWorkOnSqliteTests() : PooledUnitOfWorkTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class PooledUnitOfWorkOnPostgresTests(PostgresServer server) : PooledUnitOfWorkTests(server);
