namespace Hub.Engine.Tests.Journal;

/// <summary>
/// An append chains onto the unit of work's last appended entry while that one waits to be saved, and onto the
/// database's head once it was saved or dropped (a rollback, a cleared change tracker, the context back in the pool).
/// </summary>
public abstract class JournalPendingHeadTests(IDatabaseSource databases)
{
    private static JournalLine Line(string step) => new()
    {
        CaseId = "HUB-2026-000001", Kind = "StatusChanged", Outcome = JournalOutcome.Applied, SourceSystem = "facility", After = step,
    };

    [Fact]
    public async Task Appends_in_one_unit_of_work_chain_onto_each_other_and_after_a_dropped_append_onto_the_saved_head()
    {
        await using var temp = await databases.CreateAsync();
        var journal = new HubJournal(TimeProvider.System);
        JournalEntry first, second, third, fourth, afterPool;
        await using (var db = temp.Database.CreateContext())
        {
            first = await journal.AppendAsync(db, Line("one"), CancellationToken.None);
            second = await journal.AppendAsync(db, Line("two"), CancellationToken.None);
            await db.SaveChangesAsync();
            third = await journal.AppendAsync(db, Line("three"), CancellationToken.None);
            db.ChangeTracker.Clear(); // "three" dropped, as a change rolled back to its savepoint is
            fourth = await journal.AppendAsync(db, Line("four"), CancellationToken.None);
            await db.SaveChangesAsync();
            await journal.AppendAsync(db, Line("never saved"), CancellationToken.None);
        }

        await using (var db = temp.Database.CreateContext()) // the pooled context comes back without what it held
        {
            afterPool = await journal.AppendAsync(db, Line("five"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Equal([1L, 2L, 3L, 3L, 4L], [first.Sequence, second.Sequence, third.Sequence, fourth.Sequence, afterPool.Sequence]);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(second.Hash, fourth.PreviousHash);
        Assert.Equal(fourth.Hash, afterPool.PreviousHash);
        await using var check = temp.Database.CreateContext();
        var verified = await JournalVerifier.VerifyAsync(check, CancellationToken.None);
        Assert.True(verified.IsIntact, verified.ToString());
        Assert.Equal(4, verified.EntriesChecked);
    }
}

public sealed class JournalPendingHeadOnSqliteTests() : JournalPendingHeadTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class JournalPendingHeadOnPostgresTests(PostgresServer server) : JournalPendingHeadTests(server);
