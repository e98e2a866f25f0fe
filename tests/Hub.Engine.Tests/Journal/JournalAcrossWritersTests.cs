namespace Hub.Engine.Tests.Journal;

/// <summary>
/// Two writers that share nothing but the database, as the service and a `hub deadletters replay` in another process do:
/// each has its own <see cref="HubDatabase"/>, <see cref="HubWriteGate"/> and <see cref="HubJournal"/>. The database
/// alone must keep the hash chain one chain.
/// </summary>
public abstract class JournalAcrossWritersTests(IDatabaseSource databases)
{
    private const int AppendsPerWriter = 120;

    /// <summary>One process's writer: its own gate, journal and contexts on its own <see cref="HubDatabase"/>.</summary>
    private sealed class Writer(HubDatabase database, string name) : IDisposable
    {
        private readonly HubWriteGate gate = new();
        private readonly HubJournal journal = new(TimeProvider.System);

        /// <summary>A unit of work like the dispatcher's or a dead letter's: no explicit transaction, append, save.</summary>
        public async Task AppendAloneAsync(int i)
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await using var db = database.CreateContext();
                await journal.AppendAsync(db, Line(i), CancellationToken.None);
                await db.SaveChangesAsync();
            }
        }

        /// <summary>A unit of work like an intake's: its own transaction, two entries, save, commit.</summary>
        public async Task AppendInTransactionAsync(int i)
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await using var db = database.CreateContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                _ = await db.Journal.AsNoTracking().CountAsync(); // reads before the journal is touched, as intake does
                await journal.AppendAsync(db, Line(i), CancellationToken.None);
                await journal.AppendAsync(db, Line(i) with { Kind = "Observed" }, CancellationToken.None);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
        }

        private JournalLine Line(int i) => new()
        {
            CaseId = "HUB-2026-000001", Kind = "StatusChanged", Outcome = JournalOutcome.Applied, SourceSystem = name, After = $"{name} {i}",
        };

        public void Dispose() => gate.Dispose();
    }

    private static Task RaceAsync(Func<int, Task> unit) => Task.Run(async () =>
    {
        for (var i = 0; i < AppendsPerWriter; i++)
        {
            await unit(i);
        }
    });

    [Fact]
    public async Task Two_writers_with_their_own_gates_appending_at_once_keep_one_intact_chain()
    {
        await using var temp = await databases.CreateAsync();
        using var service = new Writer(temp.Database, "service");
        using var cli = new Writer(temp.StartAgain(), "cli");

        await Task.WhenAll(RaceAsync(service.AppendAloneAsync), RaceAsync(cli.AppendAloneAsync));

        await AssertOneChainAsync(temp, 2 * AppendsPerWriter);
    }

    [Fact]
    public async Task A_writer_in_its_own_transaction_and_one_without_appending_at_once_keep_one_intact_chain()
    {
        await using var temp = await databases.CreateAsync();
        using var service = new Writer(temp.Database, "service");
        using var cli = new Writer(temp.StartAgain(), "cli");

        await Task.WhenAll(RaceAsync(service.AppendInTransactionAsync), RaceAsync(cli.AppendAloneAsync));

        await AssertOneChainAsync(temp, 3 * AppendsPerWriter);
    }

    private static async Task AssertOneChainAsync(TestDatabase temp, int expected)
    {
        await using var db = temp.Database.CreateContext();
        var verdict = await JournalVerifier.VerifyAsync(db, CancellationToken.None);
        var sequences = await db.Journal.AsNoTracking().Select(e => e.Sequence).ToListAsync();

        Assert.True(verdict.IsIntact, verdict.ToString());
        Assert.Equal(expected, sequences.Count);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(expected, verdict.EntriesChecked);
    }
}

public sealed class JournalAcrossWritersOnSqliteTests() : JournalAcrossWritersTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class JournalAcrossWritersOnPostgresTests(PostgresServer server) : JournalAcrossWritersTests(server);
