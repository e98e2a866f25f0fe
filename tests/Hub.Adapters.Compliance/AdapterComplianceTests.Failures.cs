using Hub.Abstractions.Adapters;
using Xunit;

namespace Hub.Adapters.Compliance;

/// <summary>Failures: health never throws, an outage and throttling are transient (with the peer's wait), a refusal is permanent.</summary>
public abstract partial class AdapterComplianceTests
{
    private static readonly TimeSpan LongerThanAnyInlineWait = TimeSpan.FromMinutes(2);

    [ComplianceFact]
    public async Task Health_is_good_for_a_live_peer_and_bad_without_throwing_for_a_dead_one()
    {
        var live = await Harness.CreateAdapter().CheckHealthAsync(Timeout);
        var dead = await Harness.CreateAdapterForUnreachablePeer().CheckHealthAsync(Timeout);

        Assert.True(live.IsHealthy, live.Detail);
        Assert.False(dead.IsHealthy);
        Assert.False(string.IsNullOrWhiteSpace(dead.Detail));
    }

    [ComplianceFact]
    public async Task A_failing_peer_gives_a_transient_failure_for_the_outbox_to_retry()
    {
        await Harness.MakePeerFailAsync(Timeout);
        var adapter = Harness.CreateAdapter();

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Equal(adapter.SystemName, failure.SystemName);
    }

    [ComplianceFact]
    public async Task A_peer_that_asks_the_hub_to_slow_down_gives_a_transient_failure_carrying_its_wait()
    {
        var announced = await Harness.MakePeerThrottleAsync(LongerThanAnyInlineWait, Timeout);
        var adapter = Harness.CreateAdapter();

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Equal(adapter.SystemName, failure.SystemName);
        if (announced is { } wait)
        {
            Assert.NotNull(failure.RetryAfter);
            Assert.InRange(failure.RetryAfter.Value, wait - TimeSpan.FromSeconds(5), wait);
        }
        else
        {
            Assert.Null(failure.RetryAfter);
        }
    }

    [ComplianceFact]
    public async Task A_peer_that_refuses_a_request_for_good_gives_a_permanent_failure_for_an_admin()
    {
        await Harness.MakePeerRefuseAsync(Timeout);
        var adapter = Harness.CreateAdapter();

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Equal(adapter.SystemName, failure.SystemName);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
    }
}
