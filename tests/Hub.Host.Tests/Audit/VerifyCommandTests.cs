using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Hub.Tests.Audit;

namespace Hub.Host.Tests.Audit;

public sealed class VerifyCommandTests : SeededChainTests
{
    [Fact]
    public async Task When_nobody_touched_the_journal_verify_says_intact_and_exits_zero()
    {
        var result = await HubCliRun.RunAsync(Temp, "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Journal intact: 11 entries", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_journal_key_verify_says_plainly_that_the_chain_proves_order_and_completeness_only()
    {
        var result = await HubCliRun.RunAsync(Temp, "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No journal key is configured: the chain proves order and completeness only, not that nobody with write access to the database rewrote it.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_newest_entries_were_cut_off_verify_with_the_kept_head_fails()
    {
        var before = await HubCliRun.RunAsync(Temp, "verify");
        var kept = before.Output.Substring(before.Output.IndexOf("head ", StringComparison.Ordinal) + 5, 64);
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence >= 10");

        var withoutHead = await HubCliRun.RunAsync(Temp, "verify");
        var withHead = await HubCliRun.RunAsync(Temp, "verify", "--head", kept);

        Assert.Equal(64, kept.Length);
        Assert.Equal(0, withoutHead.ExitCode);
        Assert.Equal(1, withHead.ExitCode);
        Assert.Contains("is no longer in the chain", withHead.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_an_entry_was_altered_verify_names_it_and_fails()
    {
        await Temp.ExecuteSqlAsync("UPDATE journal SET Outcome = 'Applied', Error = NULL WHERE Sequence = 4");

        var result = await HubCliRun.RunAsync(Temp, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("TAMPERED at entry 4", result.Error, StringComparison.Ordinal);
        Assert.Contains("altered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_an_entry_was_removed_verify_names_the_gap_and_fails()
    {
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence = 5");

        var result = await HubCliRun.RunAsync(Temp, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entries 5..5 are missing (removed)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_forged_entry_was_inserted_with_a_valid_hash_verify_finds_the_broken_link_after_it()
    {
        JournalEntry forged;
        await using (var db = Temp.Database.CreateContext())
        {
            var fourth = db.Journal.Single(e => e.Sequence == 4);
            forged = new JournalEntry
            {
                Sequence = 5, At = fourth.At, CaseId = ComplaintChain.CaseId, Kind = "Resolved", Outcome = JournalOutcome.Applied,
                SourceSystem = "contractor", Detail = "resolved without anyone coming", PreviousHash = fourth.Hash, Hash = string.Empty,
            };
            forged.Hash = JournalHash.Compute(forged);
        }

        await Temp.ExecuteSqlAsync("UPDATE journal SET Sequence = Sequence + 1000000 WHERE Sequence >= 5");
        await Temp.ExecuteSqlAsync("UPDATE journal SET Sequence = Sequence - 999999 WHERE Sequence > 1000000");
        await Temp.ExecuteSqlAsync(
            "INSERT INTO journal (Sequence, At, CaseId, Kind, SourceSystem, Outcome, Attempt, Detail, PreviousHash, Hash) VALUES (5, $at, $case, 'Resolved', 'contractor', 'Applied', 0, $detail, $previous, $hash)",
            ("$at", forged.At.UtcTicks), ("$case", forged.CaseId), ("$detail", forged.Detail), ("$previous", forged.PreviousHash), ("$hash", forged.Hash));

        var result = await HubCliRun.RunAsync(Temp, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("TAMPERED at entry 6", result.Error, StringComparison.Ordinal);
        Assert.Contains("removed or inserted", result.Error, StringComparison.Ordinal);
    }
}
