using Hub.Abstractions.Adapters;
using Hub.Simulators.ServiceNow;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>Rate limit rules (429 with Retry-After and X-RateLimit-*) and transaction quota rules.</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task A_429_without_retry_after_waits_until_the_rate_limit_resets()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var testbed = new ServiceNowTestbed(new ServiceNowSimulatorOptions { Time = clock });
        testbed.Simulator.ThrottleNextRequests(int.MaxValue, retryAfter: null); // X-RateLimit-Reset says ten minutes
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Http:MaxRetries"] = "0" });

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Equal(TimeSpan.FromMinutes(10), failure.RetryAfter);
        Assert.Contains("2c6fd1bfdb412300e6f2f2f7bf9619a1", failure.Message, StringComparison.Ordinal); // the rule, for the admin
    }

    [Fact]
    public async Task A_short_retry_after_is_waited_out_inside_the_call()
    {
        using var testbed = new ServiceNowTestbed();
        testbed.Simulator.ThrottleNextRequests(1, TimeSpan.FromSeconds(1));

        var batch = await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        Assert.NotNull(batch.NextWatermark);
    }

    [Fact]
    public async Task A_read_a_transaction_quota_rule_cancelled_is_tried_again_later_and_names_the_page_size()
    {
        using var testbed = new ServiceNowTestbed();
        testbed.Simulator.CancelNextRequestsByQuota(int.MaxValue);
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Http:MaxRetries"] = "0" });

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Contains("Hub:Systems:servicedesk:PageSize", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_transient_failure_naming_what_was_asked()
    {
        using var testbed = new ServiceNowTestbed();
        testbed.Simulator.FailNextRequests(int.MaxValue, 502, "<html>Bad gateway</html>");
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Http:MaxRetries"] = "0" });

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Contains("reading changed incidents", failure.Message, StringComparison.Ordinal);
    }
}
