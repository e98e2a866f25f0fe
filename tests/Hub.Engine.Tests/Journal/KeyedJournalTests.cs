namespace Hub.Engine.Tests.Journal;

/// <summary>The journal signed with a key kept outside the database, on each provider; tampering goes straight to the database.</summary>
public abstract class KeyedJournalTests(IDatabaseSource databases)
{
    private static readonly JournalKey Key = ChainRewrite.NewKey();
    private static readonly JournalKeyRing Signing = new(Key);

    private static async Task SeedAsync(HubDatabase database, int count, JournalKeyRing keys)
    {
        var journal = new HubJournal(TimeProvider.System, keys);
        await using var db = database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = "HUB-2026-000001", Kind = "StatusChanged", Outcome = JournalOutcome.Applied, SourceSystem = "contractor", After = $"step {i}",
            }, CancellationToken.None);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<JournalVerification> VerifyAsync(TestDatabase temp, JournalKeyRing keys, params KeptHead[] heads)
    {
        await using var db = temp.StartAgain().CreateContext();
        return await JournalVerifier.VerifyAsync(db, new JournalEvidence { Keys = keys, Heads = heads }, CancellationToken.None);
    }

    [Fact]
    public async Task Entries_written_with_a_journal_key_are_signed_name_only_the_key_id_and_verify_with_that_key()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 6, Signing);

        await using var db = temp.Database.CreateContext();
        var entries = await db.Journal.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var verdict = await VerifyAsync(temp, Signing);

        Assert.All(entries, e => Assert.Equal(Key.Id, e.KeyId));
        Assert.Equal(16, Key.Id.Length);
        Assert.True(verdict.IsIntact, verdict.ToString());
        Assert.Equal(1, verdict.SignedFrom);
        Assert.Contains("Every entry is signed with a journal key", verdict.ToString(), StringComparison.Ordinal);
        Assert.All(entries, e =>
        {
            e.KeyId = null;
            Assert.NotEqual(JournalHash.Compute(e), e.Hash); // an HMAC, not the SHA-256 anyone could recompute
        });
    }

    [Fact]
    public async Task With_a_journal_key_an_entry_rewritten_and_every_later_one_re_hashed_with_sha256_is_tampered()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 10, Signing);

        await ChainRewrite.RewriteFromAsync(temp.Database, 4, e => e.After = "nothing happened", dropKeyIds: false);
        var verdict = await VerifyAsync(temp, Signing);

        Assert.False(verdict.IsIntact);
        Assert.Equal(4, verdict.FirstBadSequence);
        Assert.StartsWith("Journal TAMPERED at entry 4: its content does not match its hash (altered)", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_journal_key_a_rewrite_that_strips_the_signatures_from_an_entry_on_is_tampered()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 10, Signing);

        await ChainRewrite.RewriteFromAsync(temp.Database, 4, e => e.After = "nothing happened", dropKeyIds: true);
        var verdict = await VerifyAsync(temp, Signing);

        Assert.False(verdict.IsIntact);
        Assert.Equal(4, verdict.FirstBadSequence);
        Assert.Contains("not signed with a journal key, though entries from 1 on are", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stripping_every_signature_written_since_the_key_came_is_caught_by_the_head_sealed_with_the_key()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 5, JournalKeyRing.None); // the hub before a key was configured
        var before = await VerifyAsync(temp, Signing);
        var sealedHead = new KeptHead(VerifiedHead.Create(before.HeadSequence, before.HeadHash!, TimeProvider.System.GetUtcNow(), Signing), VerifiedHeads.InDatabase);
        await SeedAsync(temp.Database, 5, Signing);

        await ChainRewrite.RewriteFromAsync(temp.Database, 6, e => e.After = "nothing happened", dropKeyIds: true);
        var verdict = await VerifyAsync(temp, Signing, sealedHead);

        Assert.True(before.IsIntact, before.ToString());
        Assert.False(verdict.IsIntact);
        Assert.Equal(6, verdict.FirstBadSequence);
        Assert.Contains("the hub held one when it verified the chain up to entry 5", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_written_before_a_key_was_configured_verify_unkeyed_and_the_verdict_says_from_which_entry_the_chain_is_signed()
    {
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 3, JournalKeyRing.None);
        await SeedAsync(temp.Database, 4, Signing);

        var verdict = await VerifyAsync(temp, Signing);

        Assert.True(verdict.IsIntact, verdict.ToString());
        Assert.Equal(4, verdict.SignedFrom);
        Assert.Contains("Entries 4..7 are signed with a journal key; entries 1..3, written before a key was configured, prove order and completeness only.", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_key_rotation_entries_signed_with_the_retired_key_still_verify_and_without_it_the_entry_is_named()
    {
        var newKey = ChainRewrite.NewKey();
        await using var temp = await databases.CreateAsync();
        await SeedAsync(temp.Database, 3, Signing);
        await SeedAsync(temp.Database, 3, new JournalKeyRing(newKey, [Key]));

        var rotated = await VerifyAsync(temp, new JournalKeyRing(newKey, [Key]));
        var oldKeyDropped = await VerifyAsync(temp, new JournalKeyRing(newKey));

        Assert.True(rotated.IsIntact, rotated.ToString());
        Assert.False(oldKeyDropped.IsIntact);
        Assert.True(oldKeyDropped.KeyMissing);
        Assert.StartsWith($"Journal NOT VERIFIED at entry 1: it is signed with journal key {Key.Id}, which this hub does not hold: add that key's file to Hub:Audit:RetiredJournalKeyFiles", oldKeyDropped.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_journal_key_a_signed_entry_is_named_as_not_verified_and_an_unkeyed_chain_says_what_it_proves()
    {
        await using var signed = await databases.CreateAsync();
        await SeedAsync(signed.Database, 2, Signing);
        await using var unkeyed = await databases.CreateAsync();
        await SeedAsync(unkeyed.Database, 2, JournalKeyRing.None);

        var keyless = await VerifyAsync(signed, JournalKeyRing.None);
        var plain = await VerifyAsync(unkeyed, JournalKeyRing.None);

        Assert.False(keyless.IsIntact);
        Assert.Contains($"Journal NOT VERIFIED at entry 1: it is signed with journal key {Key.Id}, and no journal key is configured: set Hub:Audit:JournalKeyFile", keyless.ToString(), StringComparison.Ordinal);
        Assert.True(plain.IsIntact);
        Assert.Contains("No journal key is configured: the chain proves order and completeness only, not that nobody with write access to the database rewrote it.", plain.ToString(), StringComparison.Ordinal);
    }
}

public sealed class KeyedJournalOnSqliteTests() : KeyedJournalTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class KeyedJournalOnPostgresTests(PostgresServer server) : KeyedJournalTests(server);
