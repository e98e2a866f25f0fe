namespace Hub.Engine.Tests.Journal;

/// <summary>
/// Verified heads kept outside the journal (its own table, a head file) against newest entries cut off while the hub
/// was down, on each provider; the cut goes straight to the database.
/// </summary>
public abstract class VerifiedHeadTests(IDatabaseSource databases) : IDisposable
{
    private static readonly JournalKeyRing Keys = new(ChainRewrite.NewKey());
    private readonly string folder = Directory.CreateTempSubdirectory("hub-heads-").FullName;

    private static async Task SeedAsync(HubDatabase database, int count)
    {
        var journal = new HubJournal(TimeProvider.System, Keys);
        await using var db = database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            await journal.AppendAsync(db, new JournalLine { Kind = "StatusChanged", Outcome = JournalOutcome.Applied, After = $"step {i}" }, CancellationToken.None);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>What the service does on an intact verification: keep the head in the database and, when named, the head file.</summary>
    private static async Task<VerifiedHead> VerifyAndKeepAsync(HubDatabase database, VerifiedHeadFile? file)
    {
        await using var db = database.CreateContext();
        var verdict = await JournalVerifier.VerifyAsync(db, new JournalEvidence { Keys = Keys }, CancellationToken.None);
        Assert.True(verdict.IsIntact, verdict.ToString());
        var head = VerifiedHead.Create(verdict.HeadSequence, verdict.HeadHash!, TimeProvider.System.GetUtcNow(), Keys);
        await VerifiedHeads.RecordAsync(db, head, CancellationToken.None);
        if (file is not null)
        {
            await file.AppendAsync(head, CancellationToken.None);
        }

        return head;
    }

    /// <summary>A hub started again: nothing in memory, only what it reads from the database and the head file.</summary>
    private static async Task<JournalVerification> VerifyAfterRestartAsync(TestDatabase temp, VerifiedHeadFile? file)
    {
        await using var db = temp.StartAgain().CreateContext();
        var heads = await KeptHeads.ReadAsync(db, file, CancellationToken.None);
        return await JournalVerifier.VerifyAsync(db, new JournalEvidence { Keys = Keys, Heads = heads }, CancellationToken.None);
    }

    [Fact]
    public async Task Newest_entries_cut_off_while_the_hub_was_down_are_caught_by_the_head_kept_in_the_database()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 8);
        var kept = await VerifyAndKeepAsync(temp.Database, null);

        await temp.ExecuteSqlAsync("""DELETE FROM journal WHERE "Sequence" >= 6""");
        var verdict = await VerifyAfterRestartAsync(temp, null);

        Assert.False(verdict.IsIntact);
        Assert.Equal(5, verdict.EntriesChecked);
        Assert.Contains("(the database), entry 8, is no longer in the chain, which now ends at entry 5: its newest entries were cut off", verdict.Problem, StringComparison.Ordinal);
        Assert.Equal(8, kept.Sequence);
    }

    [Fact]
    public async Task A_chain_that_grew_after_its_kept_head_verifies_and_names_the_head_it_was_held_to()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 4);
        await VerifyAndKeepAsync(temp.Database, null);
        await SeedAsync(temp.Database, 3);

        var verdict = await VerifyAfterRestartAsync(temp, null);

        Assert.True(verdict.IsIntact, verdict.ToString());
        Assert.Contains("Still in the chain: entry 4, verified ", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_head_file_deleting_the_kept_heads_from_the_database_too_does_not_hide_the_cut()
    {
        await using var temp = await databases.CreateAsync();
        var file = new VerifiedHeadFile(Path.Combine(folder, "heads.jsonl"));
        await SeedAsync(temp.Database, 8);
        await VerifyAndKeepAsync(temp.Database, file);

        await temp.ExecuteSqlAsync("""DELETE FROM journal WHERE "Sequence" >= 6; DELETE FROM journal_heads""");
        var verdict = await VerifyAfterRestartAsync(temp, file);

        Assert.False(verdict.IsIntact);
        Assert.Contains($"({file.Where}), entry 8, is no longer in the chain", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_head_moved_back_to_the_cut_chain_without_the_key_does_not_carry_its_seal()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 8);
        await VerifyAndKeepAsync(temp.Database, null);

        await temp.ExecuteSqlAsync("""DELETE FROM journal WHERE "Sequence" >= 6; UPDATE journal_heads SET "Sequence" = 5, "Hash" = (SELECT "Hash" FROM journal WHERE "Sequence" = 5)""");
        var verdict = await VerifyAfterRestartAsync(temp, null);

        Assert.False(verdict.IsIntact);
        Assert.Contains("the head of entry 5 verified at", verdict.Problem, StringComparison.Ordinal);
        Assert.Contains("does not carry its seal: it was altered or forged", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_line_names_the_key_id_and_seal_but_never_the_key_and_reads_back_the_same()
    {
        var head = VerifiedHead.Create(42, new string('a', 64), new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567), Keys);
        var file = new VerifiedHeadFile(Path.Combine(folder, "heads.jsonl"));
        await file.AppendAsync(head with { Sequence = 41 }, CancellationToken.None);
        await file.AppendAsync(head, CancellationToken.None);

        var line = head.ToLine();
        var newest = await file.NewestAsync(CancellationToken.None);

        Assert.StartsWith("{\"sequence\":42,\"hash\":\"aaaa", line, StringComparison.Ordinal);
        Assert.Contains($"\"keyId\":\"{Keys.Signing!.Id}\"", line, StringComparison.Ordinal);
        Assert.Equal(head, newest);
        Assert.True(newest!.IsSealedBy(Keys.Signing));
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class VerifiedHeadOnSqliteTests() : VerifiedHeadTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class VerifiedHeadOnPostgresTests(PostgresServer server) : VerifiedHeadTests(server);
