using Hub.Abstractions.Adapters;
using Xunit;

namespace Hub.Adapters.Compliance;

/// <summary>Writing: a create is idempotent by its correlation key, a status change reaches the peer, an unknown record is named.</summary>
public abstract partial class AdapterComplianceTests
{
    [ComplianceFact]
    public async Task Creating_twice_with_one_correlation_key_makes_one_record()
    {
        var adapter = Harness.CreateAdapter();
        var key = NewKey();

        var first = await adapter.CreateAsync(Harness.SampleCreateCommand(key), Timeout);
        var second = await adapter.CreateAsync(Harness.SampleCreateCommand(key), Timeout);

        Assert.Equal(first.ExternalId, second.ExternalId);
        Assert.Equal(1, await Harness.CountRecordsWithCorrelationKeyAsync(key, Timeout));
    }

    [ComplianceFact]
    public async Task Creating_again_after_a_restart_returns_the_record_the_first_create_made()
    {
        var key = NewKey();

        var first = await Harness.CreateAdapter().CreateAsync(Harness.SampleCreateCommand(key), Timeout);
        var afterRestart = await Harness.CreateAdapter().CreateAsync(Harness.SampleCreateCommand(key), Timeout);

        Assert.Equal(first.ExternalId, afterRestart.ExternalId);
        Assert.Equal(1, await Harness.CountRecordsWithCorrelationKeyAsync(key, Timeout));
    }

    [ComplianceFact]
    public async Task A_created_record_is_found_by_its_correlation_key_and_an_unknown_key_finds_nothing()
    {
        var adapter = Harness.CreateAdapter();
        var key = NewKey();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(key), Timeout);

        var found = await adapter.FindByCorrelationKeyAsync(key, Timeout);
        var missing = await adapter.FindByCorrelationKeyAsync(NewKey(), Timeout);

        Assert.NotNull(found);
        Assert.Equal(created.ExternalId, found.ExternalId);
        Assert.Null(missing);
    }

    [ComplianceFact]
    public async Task An_applied_status_change_is_what_the_peer_shows_afterwards()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var (change, shown) = Harness.SampleStatusChange(created.ExternalId);
        var before = await Harness.StatusOfAsync(created.ExternalId, Timeout);

        await adapter.ApplyAsync(change, Timeout);

        Assert.NotEqual(shown, before);
        Assert.Equal(shown, await StatusOnceShownAsync(created.ExternalId, shown));
    }

    [ComplianceFact]
    public async Task A_change_to_a_record_the_peer_does_not_hold_fails_for_good_naming_the_record()
    {
        var adapter = Harness.CreateAdapter();
        var unknown = Harness.UnknownExternalId;

        foreach (var change in new[] { HubComment(unknown, Unique("To nobody")), Harness.SampleStatusChange(unknown).Change })
        {
            var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.ApplyAsync(change, Timeout));

            Assert.Equal(FailureKind.Permanent, failure.Kind);
            Assert.Equal(adapter.SystemName, failure.SystemName);
            Assert.Contains(unknown, failure.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}
