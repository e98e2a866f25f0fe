using Hub.Host.Audit;
using Hub.Tests.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hub.Host.Tests.Audit;

/// <summary>
/// The `journal` health check across restarts of the hub: verified heads kept in the database and a head file, and the
/// journal key read at start.
/// </summary>
public sealed class JournalHeadHealthTests : SeededChainTests
{
    private async Task<HealthReportEntry> StartAndCheckAsync(IDictionary<string, string?>? settings = null)
    {
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, settings);
        await host.FirstVerificationAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["journal"];
    }

    [Fact]
    public async Task When_the_newest_entries_are_cut_off_while_the_hub_is_down_health_is_unhealthy_after_the_restart()
    {
        var before = await StartAndCheckAsync();
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence >= 10");

        var after = await StartAndCheckAsync();

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Contains("(the database), entry 11, is no longer in the chain, which now ends at entry 9", after.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_head_file_deleting_the_kept_heads_from_the_database_too_does_not_make_a_cut_chain_healthy()
    {
        var settings = new Dictionary<string, string?> { ["Hub:Audit:HeadFile"] = "heads/journal-heads.jsonl" };
        Directory.CreateDirectory(Path.Combine(Temp.Directory, "heads"));
        await StartAndCheckAsync(settings);
        var lines = await File.ReadAllLinesAsync(Path.Combine(Temp.Directory, "heads", "journal-heads.jsonl"));
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence >= 10; DELETE FROM journal_heads");

        var after = await StartAndCheckAsync(settings);

        Assert.StartsWith("{\"sequence\":11,", Assert.Single(lines), StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Contains("journal-heads.jsonl), entry 11, is no longer in the chain", after.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_kept_heads_are_deleted_with_the_cut_while_the_hub_runs_its_own_last_head_still_catches_it()
    {
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory);
        await host.FirstVerificationAsync();
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence >= 10; DELETE FROM journal_heads");

        var again = await host.Services.GetRequiredService<JournalVerificationService>().VerifyOnceAsync(CancellationToken.None);

        Assert.False(again.Verdict?.IsIntact);
        Assert.Contains("(this hub's last verification), entry 11, is no longer in the chain", again.Verdict!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_head_cannot_be_kept_health_is_degraded_and_says_why()
    {
        Directory.CreateDirectory(Path.Combine(Temp.Directory, "heads.jsonl")); // a folder where the file should go

        var entry = await StartAndCheckAsync(new Dictionary<string, string?> { ["Hub:Audit:HeadFile"] = "heads.jsonl" });

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("Journal intact: 11 entries", entry.Description, StringComparison.Ordinal);
        Assert.Contains("The verified head could not be kept", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_journal_key_health_says_the_chain_proves_order_and_completeness_only()
    {
        var entry = await StartAndCheckAsync();

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("No journal key is configured: the chain proves order and completeness only", entry.Description, StringComparison.Ordinal);
        Assert.Equal(false, entry.Data["keyed"]);
    }

    [Fact]
    public async Task With_a_journal_key_health_says_from_which_entry_the_chain_is_signed_and_never_shows_the_key()
    {
        var key = JournalKeyFile.Write(Temp.Directory);
        var settings = new Dictionary<string, string?> { ["Hub:Audit:JournalKeyFile"] = "journal.key" };
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, settings);
        await host.FirstVerificationAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries["journal"];

        Assert.Equal(HealthStatus.Healthy, entry.Status); // the seeded entries were written before the key: unkeyed, not tampered
        Assert.Contains("A journal key is configured but no entry is signed with one yet", entry.Description, StringComparison.Ordinal);
        Assert.Equal(true, entry.Data["keyed"]);
        Assert.DoesNotContain(key, entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(key, string.Join(",", entry.Data.Values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("absent.key", null, "Hub:Audit:JournalKeyFile: no key file at")]
    [InlineData("short.key", "c2hvcnQta2V5LW9mLTIwLWJ5dGVz", "Hub:Audit:JournalKeyFile: the key in")]
    [InlineData("text.key", "my journal passphrase, not base64", "Hub:Audit:JournalKeyFile: the key file")]
    [InlineData("folder.key", "", "Hub:Audit:JournalKeyFile: the key file")]
    public async Task When_the_journal_key_file_is_missing_short_or_unreadable_the_hub_refuses_to_start_and_names_the_key(string file, string? content, string message)
    {
        if (content == string.Empty)
        {
            Directory.CreateDirectory(Path.Combine(Temp.Directory, file)); // a folder: cannot be read as a file
        }
        else if (content is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(Temp.Directory, file), content);
        }

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => AuditWebHost.StartAsync(Temp.Database, Temp.Directory, new Dictionary<string, string?> { ["Hub:Audit:JournalKeyFile"] = file }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Temp.Directory, file), failure.Message, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(content))
        {
            Assert.DoesNotContain(content, failure.Message, StringComparison.Ordinal);
        }
    }
}
