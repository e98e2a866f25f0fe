using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class ServiceProtectionTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    [Fact]
    public async Task After_a_429_no_request_reaches_the_org_inside_the_Retry_After_penalty()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        rig.Simulator.ThrottleBurst(2, TimeSpan.FromSeconds(1));

        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000042",
            ExternalId = record.ExternalId,
            Kind = Hub.Abstractions.Model.ChangeKind.CommentAdded,
            Comment = new Hub.Abstractions.Model.CaseComment("Throttled but delivered", true, "hub"),
        }, DynamicsRig.Timeout);
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);

        var log = rig.Simulator.DataverseRequests;
        var throttled = log.Where(r => r.StatusCode == 429).ToList();
        Assert.Equal(2, throttled.Count);
        foreach (var penalty in throttled)
        {
            var end = penalty.AnsweredAt + penalty.RetryAfter!.Value;
            Assert.DoesNotContain(log, r => r.ArrivedAt > penalty.AnsweredAt && r.ArrivedAt < end);
        }

        Assert.Single(rig.Simulator.NotesOn(Guid.Parse(record.ExternalId)));
    }

    [Fact]
    public async Task A_long_Retry_After_goes_back_to_the_outbox_and_nothing_is_sent_until_it_has_passed()
    {
        var adapter = rig.CreateAdapter();
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);
        rig.Simulator.ThrottleBurst(1, TimeSpan.FromSeconds(90));

        var first = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout));
        var sentAfterThrottle = rig.Simulator.DataverseRequests.Count;
        var second = await Assert.ThrowsAsync<AdapterException>(() => adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout));

        Assert.Equal(FailureKind.Transient, first.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), first.RetryAfter);
        Assert.Equal(FailureKind.Transient, second.Kind);
        Assert.InRange(second.RetryAfter!.Value, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90));
        Assert.Equal(sentAfterThrottle, rig.Simulator.DataverseRequests.Count);
    }

    [Fact]
    public async Task The_client_side_budget_stops_the_hub_before_the_org_limit()
    {
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["RequestsPerFiveMinutes"] = "4", ["BudgetHeadroom"] = "0.25" });

        for (var i = 0; i < 3; i++)
        {
            await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);
        }

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Contains("budget of 3 requests per 5 minutes", failure.Message, StringComparison.Ordinal);
        Assert.InRange(failure.RetryAfter!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.Equal(3, rig.Simulator.DataverseRequests.Count);
    }

    [Fact]
    public async Task No_more_requests_are_in_flight_at_once_than_MaxConcurrency()
    {
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["MaxConcurrency"] = "3" });
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout); // signs in first
        rig.Simulator.FailShareOfRequests(0, TimeSpan.FromMilliseconds(300));

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout)));

        Assert.Equal(3, rig.Simulator.MaxConcurrentRequests);
        Assert.Equal(13, rig.Simulator.DataverseRequests.Count);
    }

    public void Dispose() => rig.Dispose();
}
