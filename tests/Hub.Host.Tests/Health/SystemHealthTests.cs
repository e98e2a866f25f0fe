using Hub.Host.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Host.Tests.Health;

/// <summary>
/// Each configured system has a health check of its own that asks its adapter (reachable, signed in, usable), in
/// /health and once at start; the start never stops for a system that is down.
/// </summary>
public sealed class SystemHealthTests
{
    [Fact]
    public async Task Each_live_system_is_healthy_with_what_its_adapter_found()
    {
        using var systems = new SystemsUnderCheck(alive: true);

        var report = await systems.CheckAsync();

        Assert.Equal(["system:contractor", "system:facility", "system:servicedesk"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));
        Assert.Contains("logged in as operator", report.Entries["system:servicedesk"].Description, StringComparison.Ordinal);
        Assert.Contains(systems.Dynamics.AppUserId.ToString(), report.Entries["system:facility"].Description, StringComparison.Ordinal);
        Assert.Equal("TopDesk", report.Entries["system:servicedesk"].Data["adapter"]);
    }

    [Fact]
    public async Task A_system_on_a_dead_port_is_unhealthy_with_the_reason_and_no_secret()
    {
        using var systems = new SystemsUnderCheck(alive: false);

        var report = await systems.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        foreach (var (name, entry) in report.Entries)
        {
            Assert.Equal(HealthStatus.Unhealthy, entry.Status);
            Assert.False(string.IsNullOrWhiteSpace(entry.Description), name);
            Assert.All(systems.Secrets, secret => Assert.DoesNotContain(secret, entry.Description, StringComparison.Ordinal));
        }

        Assert.Contains("could not be reached", report.Entries["system:servicedesk"].Description, StringComparison.Ordinal);
        Assert.Contains("Cannot reach the token endpoint", report.Entries["system:facility"].Description, StringComparison.Ordinal);
        Assert.Contains("Mail folders missing", report.Entries["system:contractor"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_start_each_system_that_cannot_be_used_is_logged_as_a_warning_and_the_start_goes_on()
    {
        using var systems = new SystemsUnderCheck(alive: false);

        await SystemStartCheck.RunAsync(systems.Services, SystemsUnderCheck.Timeout);

        var warnings = systems.Log.Lines.Where(l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("not usable at start", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("servicedesk", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("facility", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("contractor", StringComparison.Ordinal));
        Assert.All(systems.Secrets, secret => Assert.DoesNotContain(systems.Log.Lines, l => l.Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_probe_within_half_a_minute_gets_the_last_answer_without_asking_the_system_again()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var systems = new SystemsUnderCheck(alive: true, clock);
        int SignInChecks() => systems.TopDesk.Requests.Count(r => r.Path.EndsWith("/operators/current", StringComparison.Ordinal));

        await systems.CheckAsync();
        var first = SignInChecks();
        clock.AdjustTime(clock.Start + TimeSpan.FromSeconds(20));
        await systems.CheckAsync();
        var within = SignInChecks();
        clock.AdjustTime(clock.Start + TimeSpan.FromSeconds(40));
        await systems.CheckAsync();

        Assert.True(first > 0, "the first probe did not sign in");
        Assert.Equal(first, within);
        Assert.Equal(2 * first, SignInChecks());
    }
}
