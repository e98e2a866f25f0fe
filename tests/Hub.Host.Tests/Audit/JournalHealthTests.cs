using Hub.Host.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hub.Host.Tests.Audit;

public sealed class JournalHealthTests : SeededChainTests
{
    [Fact]
    public async Task When_the_hub_starts_the_journal_is_verified_and_health_reports_it_intact()
    {
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory);
        var state = host.Services.GetRequiredService<JournalVerificationState>();

        var first = await FirstResultAsync(state);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.True(first.Verdict?.IsIntact, first.Failure);
        var entry = report.Entries["journal"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("Journal intact: 11 entries", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_journal_was_tampered_with_the_next_verification_makes_health_unhealthy()
    {
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory);
        await FirstResultAsync(host.Services.GetRequiredService<JournalVerificationState>());
        await Temp.ExecuteSqlAsync("UPDATE journal SET Detail = 'nobody came' WHERE Sequence = 9");

        await host.Services.GetRequiredService<JournalVerificationService>().VerifyOnceAsync(CancellationToken.None);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["journal"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("TAMPERED at entry 9", entry.Description, StringComparison.Ordinal);
        Assert.Equal(9L, entry.Data["firstBadSequence"]);
    }

    [Fact]
    public async Task When_the_newest_entries_are_cut_off_while_the_hub_runs_health_turns_unhealthy_and_stays_so()
    {
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory);
        await FirstResultAsync(host.Services.GetRequiredService<JournalVerificationState>());
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence >= 10");
        var service = host.Services.GetRequiredService<JournalVerificationService>();

        await service.VerifyOnceAsync(CancellationToken.None);
        var again = await service.VerifyOnceAsync(CancellationToken.None);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.False(again.Verdict?.IsIntact);
        var entry = report.Entries["journal"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("no longer in the chain", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_verify_interval_has_passed_the_journal_is_verified_again_and_tampering_shows_in_health()
    {
        var clock = new TimerCountingFakeTimeProvider(ComplaintChain.ResolvedAt);
        var settings = new Dictionary<string, string?> { ["Hub:Audit:VerifyInterval"] = "00:30:00" };
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, settings, clock);
        var state = host.Services.GetRequiredService<JournalVerificationState>();
        var first = await FirstResultAsync(state);
        await UntilAsync(() => clock.WaitingTimers == 1);
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Sequence = 7");

        clock.Advance(TimeSpan.FromMinutes(29));
        var unchanged = state.Last;
        clock.Advance(TimeSpan.FromMinutes(1));
        await UntilAsync(() => state.Last != first);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Same(first, unchanged);
        Assert.Equal(ComplaintChain.ResolvedAt.AddMinutes(30), state.Last!.CheckedAt);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["journal"].Status);
        Assert.Contains("entries 7..7 are missing (removed)", report.Entries["journal"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_verify_interval_is_configured_it_is_used_and_defaults_to_an_hour()
    {
        await using var configured = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, new Dictionary<string, string?> { ["Hub:Audit:VerifyInterval"] = "00:15:00" });

        Assert.Equal(TimeSpan.FromMinutes(15), configured.Services.GetRequiredService<IOptions<AuditOptions>>().Value.VerifyInterval);
        Assert.Equal(TimeSpan.FromHours(1), new AuditOptions().VerifyInterval);
    }

    [Theory]
    [InlineData("Hub:Audit:VerifyInterval", "-00:05:00", "Hub:Audit:VerifyInterval: must be a positive time span")]
    [InlineData("Hub:Api:ApiKeyHashes:0", "my-plain-secret-key", "Hub:Api:ApiKeyHashes:0: not a SHA-256 hash")]
    public async Task When_audit_settings_are_wrong_the_hub_refuses_to_start_and_names_the_key(string key, string value, string message)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => AuditWebHost.StartAsync(Temp.Database, Temp.Directory, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("my-plain-secret-key", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<JournalVerificationResult> FirstResultAsync(JournalVerificationState state)
    {
        await UntilAsync(() => state.Last is not null);
        return state.Last!;
    }

    /// <summary>Waits for the background service to reach a state (it runs on its own thread); gives up after 30 s.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
