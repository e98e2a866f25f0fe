using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Xunit;

namespace Hub.Adapters.Compliance;

/// <summary>
/// The behaviour every adapter must show, whatever system it speaks to. Each adapter's test project
/// derives from this class once and supplies a harness over its real protocol peer.
/// </summary>
public abstract class AdapterComplianceTests : IAsyncLifetime
{
    private IAdapterComplianceHarness? harness;

    protected IAdapterComplianceHarness Harness => harness ?? throw new InvalidOperationException("harness not started");

    protected static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected abstract Task<IAdapterComplianceHarness> StartHarnessAsync();

    public async Task InitializeAsync() => harness = await StartHarnessAsync();

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }

    private static string NewKey() => "HUB-TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    [Fact]
    public async Task Creating_twice_with_one_correlation_key_makes_one_record()
    {
        var adapter = Harness.CreateAdapter();
        var key = NewKey();

        var first = await adapter.CreateAsync(Harness.SampleCreateCommand(key), Timeout);
        var second = await adapter.CreateAsync(Harness.SampleCreateCommand(key), Timeout);

        Assert.Equal(first.ExternalId, second.ExternalId);
        Assert.Equal(1, await Harness.CountRecordsWithCorrelationKeyAsync(key, Timeout));
    }

    [Fact]
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

    [Fact]
    public async Task A_persons_comment_is_read_as_a_change_not_written_by_the_hub()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var before = await ReadAllAsync(adapter, null);

        var text = "Person says " + Guid.NewGuid().ToString("N")[..8];
        await Harness.PersonCommentsAsync(created.ExternalId, text, Timeout);
        var after = await ReadAllAsync(adapter, before.Watermark);

        var seen = Assert.Single(after.Changes, c => c.Comment?.Text.Contains(text, StringComparison.Ordinal) == true);
        Assert.Equal(created.ExternalId, seen.ExternalId);
        Assert.False(seen.WrittenByHub);
    }

    [Fact]
    public async Task Reading_twice_gives_each_change_the_same_inbox_key()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var text = "Same twice " + Guid.NewGuid().ToString("N")[..8];
        await Harness.PersonCommentsAsync(created.ExternalId, text, Timeout);

        var first = await ReadAllAsync(adapter, null);
        var second = await ReadAllAsync(adapter, null);

        var a = Assert.Single(first.Changes, c => c.Comment?.Text.Contains(text, StringComparison.Ordinal) == true);
        var b = Assert.Single(second.Changes, c => c.Comment?.Text.Contains(text, StringComparison.Ordinal) == true);
        Assert.Equal((a.ExternalId, a.Version), (b.ExternalId, b.Version));
    }

    [Fact]
    public async Task A_comment_the_hub_wrote_does_not_come_back_as_a_persons_change()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var before = await ReadAllAsync(adapter, null);

        var text = "Hub says " + Guid.NewGuid().ToString("N")[..8];
        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000001",
            ExternalId = created.ExternalId,
            Kind = ChangeKind.CommentAdded,
            Comment = new CaseComment(text, IsPublic: true, Author: "hub"),
        }, Timeout);
        var after = await ReadAllAsync(adapter, before.Watermark);

        Assert.DoesNotContain(after.Changes, c => !c.WrittenByHub && c.Comment?.Text.Contains(text, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Health_is_good_for_a_live_peer_and_bad_without_throwing_for_a_dead_one()
    {
        var live = await Harness.CreateAdapter().CheckHealthAsync(Timeout);
        var dead = await Harness.CreateAdapterForUnreachablePeer().CheckHealthAsync(Timeout);

        Assert.True(live.IsHealthy, live.Detail);
        Assert.False(dead.IsHealthy);
        Assert.False(string.IsNullOrWhiteSpace(dead.Detail));
    }

    [Fact]
    public async Task A_failing_peer_gives_a_transient_failure_for_the_outbox_to_retry()
    {
        var adapter = Harness.CreateAdapter();
        await Harness.MakePeerFailAsync(Timeout);

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Equal(adapter.SystemName, failure.SystemName);
    }

    /// <summary>Reads pages until the adapter says there is no more, as the engine does.</summary>
    protected static async Task<(List<ObservedChange> Changes, string? Watermark)> ReadAllAsync(ISystemAdapter adapter, string? watermark)
    {
        var changes = new List<ObservedChange>();
        for (var page = 0; page < 100; page++)
        {
            var batch = await adapter.ReadChangesAsync(watermark, Timeout);
            changes.AddRange(batch.Changes);
            watermark = batch.NextWatermark;
            if (!batch.HasMore)
            {
                break;
            }
        }

        return (changes, watermark);
    }
}
