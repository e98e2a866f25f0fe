namespace Hub.Engine.Tests.Journal;

/// <summary>The hash chain and its tamper checks, on each provider (tampering is raw SQL straight to the database).</summary>
public abstract class JournalChainTests(IDatabaseSource databases)
{
    private static async Task SeedAsync(HubDatabase database, int count)
    {
        var journal = new HubJournal(TimeProvider.System);
        await using var db = database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = "HUB-2026-000001", Kind = "StatusChanged", Outcome = JournalOutcome.Applied,
                SourceSystem = "facility", TargetSystem = "servicedesk", After = $"step {i}",
            }, CancellationToken.None);
            if (i % 3 == 2)
            {
                await db.SaveChangesAsync(); // entries saved in several units of work chain the same way
            }
        }

        await db.SaveChangesAsync();
    }

    private static async Task<JournalVerification> VerifyAsync(TestDatabase temp)
    {
        await using var db = temp.Database.CreateContext();
        return await JournalVerifier.VerifyAsync(db, CancellationToken.None);
    }

    [Fact]
    public async Task Entries_chain_by_hash_and_an_untouched_journal_verifies()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 10);

        await using var db = temp.Database.CreateContext();
        var entries = await db.Journal.OrderBy(e => e.Sequence).ToListAsync();
        var result = await VerifyAsync(temp);

        Assert.True(result.IsIntact, result.ToString());
        Assert.Equal(10, result.EntriesChecked);
        Assert.Equal(entries[^1].Hash, result.HeadHash); // printed, so the head can be kept outside the database
        Assert.Equal(JournalHash.Genesis, entries[0].PreviousHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    [Fact]
    public async Task An_altered_entry_is_found()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 10);

        await temp.ExecuteSqlAsync("""UPDATE journal SET "After" = 'nothing happened' WHERE "Sequence" = 4""");
        var result = await VerifyAsync(temp);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBadSequence);
        Assert.Contains("altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_entry_is_found()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 10);

        await temp.ExecuteSqlAsync("""DELETE FROM journal WHERE "Sequence" = 6""");
        var result = await VerifyAsync(temp);

        Assert.False(result.IsIntact);
        Assert.Equal(6, result.FirstBadSequence);
        Assert.Contains("removed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_entry_renumbered_to_hide_the_gap_is_found()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 10);

        await temp.ExecuteSqlAsync("""DELETE FROM journal WHERE "Sequence" = 6; UPDATE journal SET "Sequence" = "Sequence" - 1 WHERE "Sequence" > 6""");
        var result = await VerifyAsync(temp);

        Assert.False(result.IsIntact);
        Assert.Equal(6, result.FirstBadSequence);
    }

    [Fact]
    public async Task An_inserted_entry_is_found_even_with_a_well_formed_hash()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 10);

        // Forge an entry 11 that links to a made-up predecessor and carries its own correct hash.
        var forged = new JournalEntry
        {
            Sequence = 11, At = DateTimeOffset.UnixEpoch, Kind = "Resolved", Outcome = JournalOutcome.Applied,
            PreviousHash = new string('a', 64), Hash = string.Empty,
        };
        forged.Hash = JournalHash.Compute(forged);
        await using (var db = temp.Database.CreateContext())
        {
            db.Journal.Add(forged);
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync(temp);

        Assert.False(result.IsIntact);
        Assert.Equal(11, result.FirstBadSequence);
        Assert.Contains("inserted", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_kept_head_cutting_off_the_newest_entries_is_caught_and_later_entries_are_fine()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 8);
        var kept = (await VerifyAsync(temp)).HeadHash;
        await SeedAsync(temp.Database, 2);

        await using (var db = temp.Database.CreateContext())
        {
            var grown = await JournalVerifier.VerifyAsync(db, kept, CancellationToken.None);
            Assert.True(grown.IsIntact, grown.ToString());
        }

        await temp.ExecuteSqlAsync("""DELETE FROM journal WHERE "Sequence" >= 8""");
        await using (var db = temp.Database.CreateContext())
        {
            var cut = await JournalVerifier.VerifyAsync(db, kept, CancellationToken.None);
            var withoutKeptHead = await JournalVerifier.VerifyAsync(db, CancellationToken.None);

            Assert.False(cut.IsIntact);
            Assert.Null(cut.FirstBadSequence);
            Assert.Contains($"({kept}) is no longer in the chain", cut.ToString(), StringComparison.Ordinal);
            Assert.True(withoutKeptHead.IsIntact); // what a chain alone cannot show
        }
    }
}

public sealed class JournalChainOnSqliteTests() : JournalChainTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class JournalChainOnPostgresTests(PostgresServer server) : JournalChainTests(server);
