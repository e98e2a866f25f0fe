using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Hub.Host.Audit;
using Hub.Tests.Audit;
using Hub.Tests.Journal;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Tests.Audit;

/// <summary>`hub verify` (and the commands that journal) with a journal key file, and with the heads the service kept.</summary>
public sealed class VerifyWithKeyAndHeadsTests : IAsyncLifetime
{
    private TempHubDatabase temp = null!;
    private string key = null!;
    private JournalKeyRing keys = null!;

    public async Task InitializeAsync()
    {
        temp = await TempHubDatabase.CreateAsync();
        key = JournalKeyFile.Write(temp.Directory);
        keys = JournalKeyFiles.Load(new AuditOptions { JournalKeyFile = "journal.key" }, temp.Directory);
        await ComplaintChain.SeedAsync(temp.Database, keys: keys);
    }

    public async Task DisposeAsync() => await temp.DisposeAsync();

    private Task<CliResult> VerifyAsync(IReadOnlyDictionary<string, object> audit, params string[] more) =>
        HubCliRun.RunWithConfigAsync(HubCliRun.ConfigFor(temp, audit), ["verify", .. more]);

    private static readonly Dictionary<string, object> WithKey = new() { ["JournalKeyFile"] = "journal.key" };

    [Fact]
    public async Task When_a_journal_key_is_configured_a_chain_rewritten_and_re_hashed_without_it_makes_verify_say_tampered()
    {
        var before = await VerifyAsync(WithKey);
        await ChainRewrite.RewriteFromAsync(temp.Database, 4, e => e.Error = null, dropKeyIds: false);

        var after = await VerifyAsync(WithKey);

        Assert.Equal(0, before.ExitCode);
        Assert.Contains("Every entry is signed with a journal key", before.Output, StringComparison.Ordinal);
        Assert.Equal(1, after.ExitCode);
        Assert.Contains("Journal TAMPERED at entry 4: its content does not match its hash (altered)", after.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, before.Output + after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_journal_key_is_configured_a_rewrite_that_drops_the_key_ids_makes_verify_say_tampered()
    {
        await ChainRewrite.RewriteFromAsync(temp.Database, 4, e => e.Error = null, dropKeyIds: true);

        var result = await VerifyAsync(WithKey);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Journal TAMPERED at entry 4: it is not signed with a journal key, though entries from 1 on are", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_key_verify_names_the_first_signed_entry_as_not_verified()
    {
        var result = await VerifyAsync(new Dictionary<string, object>());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Journal NOT VERIFIED at entry 1: it is signed with journal key {keys.Signing!.Id}, and no journal key is configured", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_service_kept_a_verified_head_verify_fails_after_the_newest_entries_were_cut_off_and_stays_read_only()
    {
        await using (var host = await AuditWebHost.StartAsync(temp.Database, temp.Directory, new Dictionary<string, string?> { ["Hub:Audit:JournalKeyFile"] = "journal.key" }))
        {
            Assert.True((await host.FirstVerificationAsync()).Verdict?.IsIntact); // the service keeps this head in the database
        }

        var intact = await VerifyAsync(WithKey);
        await temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence >= 10");
        var cut = await VerifyAsync(WithKey);

        await using var db = temp.Database.CreateContext();
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("Still in the chain: entry 11, verified ", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("(the database), entry 11, is no longer in the chain, which now ends at entry 9: its newest entries were cut off", cut.Error, StringComparison.Ordinal);
        Assert.Equal(1, await db.VerifiedHeads.CountAsync()); // the service's; verify keeps none of its own
    }

    [Fact]
    public async Task When_the_journal_key_file_is_missing_verify_stops_with_a_configuration_error_naming_the_key()
    {
        var result = await VerifyAsync(new Dictionary<string, object> { ["JournalKeyFile"] = "gone.key" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("hub: configuration error: Hub:Audit:JournalKeyFile: no key file at", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_letter_replayed_from_the_command_line_is_journaled_signed_with_the_same_key()
    {
        await using (var db = temp.Database.CreateContext())
        {
            db.Outbox.Add(new OutboxCommand
            {
                CaseId = ComplaintChain.CaseId, TargetSystem = "facility", Operation = "Create", Kind = "Created", Payload = "{}",
                Status = OutboxStatus.DeadLettered, Attempts = 12, LastError = "Dynamics refused (400)",
                CreatedAt = DateTimeOffset.UnixEpoch, NextAttemptAt = DateTimeOffset.UnixEpoch,
            });
            await db.SaveChangesAsync();
        }

        var replay = await HubCliRun.RunWithConfigAsync(HubCliRun.ConfigFor(temp, WithKey), "deadletters", "replay", "1");
        var verify = await VerifyAsync(WithKey);

        await using var check = temp.Database.CreateContext();
        var newest = await check.Journal.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(keys.Signing!.Id, newest.KeyId);
        Assert.Equal(0, verify.ExitCode);
    }
}
