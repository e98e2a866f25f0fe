using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class ChangeReadingTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    [Fact]
    public async Task Change_tracking_reads_every_case_first_and_then_only_changed_and_deleted_ones()
    {
        var adapter = rig.CreateAdapter();
        var kept = rig.Simulator.PersonCreatesCase("Lift stuck between floors", "Lift B", priority: 1);
        var removed = rig.Simulator.PersonCreatesCase("Broken window", "Room 2.01");
        var untouched = rig.Simulator.PersonCreatesCase("Light flickers");

        var initial = await DynamicsRig.ReadAllAsync(adapter, null);
        rig.Simulator.PersonEditsCase(kept.Id, title: "Lift stuck between floors 2 and 3");
        rig.Simulator.PersonDeletesCase(removed.Id);
        var delta = await DynamicsRig.ReadAllAsync(adapter, initial.Watermark);

        Assert.Equal(3, initial.Changes.Count);
        var first = Assert.Single(initial.Changes, c => c.ExternalId == kept.Id.ToString());
        Assert.Equal(ChangeKind.Created, first.Kind);
        Assert.Equal(kept.TicketNumber, first.ExternalNumber);
        Assert.Equal("1", first.RawValues[MappedField.Status]);
        Assert.Equal("1", first.RawValues[MappedField.Priority]);
        Assert.Equal("Lift B", first.Fields.Description);
        Assert.Equal("Mila de Vries", first.Actor);
        Assert.False(first.WrittenByHub);

        Assert.Equal(2, delta.Changes.Count);
        var edited = Assert.Single(delta.Changes, c => c.ExternalId == kept.Id.ToString());
        Assert.Equal("Lift stuck between floors 2 and 3", edited.Fields.Title);
        Assert.NotEqual(first.Version, edited.Version);
        var deleted = Assert.Single(delta.Changes, c => c.ExternalId == removed.Id.ToString());
        Assert.Equal(ChangeKind.Cancelled, deleted.Kind);
        Assert.DoesNotContain(delta.Changes, c => c.ExternalId == untouched.Id.ToString());

        var reads = rig.Simulator.DataverseRequests.Where(r => r.PathAndQuery.StartsWith("incidents?", StringComparison.Ordinal)).ToList();
        Assert.Contains("odata.track-changes", reads[0].Header("Prefer"), StringComparison.Ordinal);
        Assert.Contains("$deltatoken=", reads[1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delta_link_in_the_stored_watermark_carries_on_after_a_restart()
    {
        var before = rig.CreateAdapter();
        var old = rig.Simulator.PersonCreatesCase("Old complaint");
        var initial = await DynamicsRig.ReadAllAsync(before, null);
        var fresh = rig.Simulator.PersonCreatesCase("New complaint");

        var afterRestart = await DynamicsRig.ReadAllAsync(rig.CreateAdapter(), initial.Watermark);

        Assert.Contains(initial.Changes, c => c.ExternalId == old.Id.ToString());
        Assert.Equal(fresh.Id.ToString(), Assert.Single(afterRestart.Changes).ExternalId);
    }

    [Fact]
    public async Task Reading_the_same_state_twice_gives_the_same_versions()
    {
        var adapter = rig.CreateAdapter();
        var row = rig.Simulator.PersonCreatesCase("Heating off");

        var first = await DynamicsRig.ReadAllAsync(adapter, null);
        var second = await DynamicsRig.ReadAllAsync(adapter, null);

        Assert.Equal(
            Assert.Single(first.Changes, c => c.ExternalId == row.Id.ToString()).Version,
            Assert.Single(second.Changes, c => c.ExternalId == row.Id.ToString()).Version);
    }

    [Fact]
    public async Task An_expired_delta_token_falls_back_to_polling_on_modifiedon_and_then_tracks_again()
    {
        var adapter = rig.CreateAdapter();
        var row = rig.Simulator.PersonCreatesCase("Door does not lock");
        var initial = await DynamicsRig.ReadAllAsync(adapter, null);
        rig.Simulator.PersonChangesStatus(row.Id, 0, 2);
        rig.Simulator.ExpireDeltaTokens();

        var fallback = await DynamicsRig.ReadAllAsync(adapter, initial.Watermark);
        var resumed = await DynamicsRig.ReadAllAsync(adapter, fallback.Watermark);

        var changed = Assert.Single(fallback.Changes, c => c.ExternalId == row.Id.ToString());
        Assert.Equal("2", changed.RawValues[MappedField.Status]);
        var reads = rig.Simulator.DataverseRequests.Where(r => r.PathAndQuery.StartsWith("incidents?", StringComparison.Ordinal)).ToList();
        Assert.Equal(400, reads[1].StatusCode);
        Assert.Contains("$filter=modifiedon ge ", reads[2].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("odata.track-changes", reads[3].Header("Prefer"), StringComparison.Ordinal);
        Assert.Contains(resumed.Changes, c => c.ExternalId == row.Id.ToString() && c.Version == changed.Version);
        Assert.Contains("$deltatoken", resumed.Watermark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_change_tracking_on_the_table_the_adapter_polls_on_modifiedon()
    {
        rig.Simulator.DisableChangeTracking();
        var adapter = rig.CreateAdapter();
        var row = rig.Simulator.PersonCreatesCase("No hot water");

        var initial = await DynamicsRig.ReadAllAsync(adapter, null);
        rig.Simulator.PersonEditsCase(row.Id, priority: 1);
        var next = await DynamicsRig.ReadAllAsync(adapter, initial.Watermark);

        Assert.Contains(initial.Changes, c => c.ExternalId == row.Id.ToString());
        var edited = Assert.Single(next.Changes, c => c.ExternalId == row.Id.ToString());
        Assert.Equal("1", edited.RawValues[MappedField.Priority]);
        var last = rig.Simulator.DataverseRequests.Last(r => r.PathAndQuery.StartsWith("incidents?", StringComparison.Ordinal));
        Assert.Contains("$filter=modifiedon ge ", last.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("odata.track-changes", last.Header("Prefer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_followed_through_the_nextLink_with_the_same_page_size()
    {
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "2" });
        var ids = Enumerable.Range(1, 5).Select(i => rig.Simulator.PersonCreatesCase($"Complaint {i}").Id.ToString()).ToList();

        var first = await adapter.ReadChangesAsync(null, DynamicsRig.Timeout);
        var all = await DynamicsRig.ReadAllAsync(adapter, null);

        Assert.True(first.HasMore);
        Assert.Equal(2, first.Changes.Count);
        Assert.Equal(ids.Order(), all.Changes.Where(c => c.Kind != ChangeKind.CommentAdded).Select(c => c.ExternalId).Order());
        Assert.Equal(3, all.Pages);
        var reads = rig.Simulator.DataverseRequests.Where(r => r.PathAndQuery.StartsWith("incidents?", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.All(reads, r => Assert.Contains("odata.maxpagesize=2", r.Header("Prefer"), StringComparison.Ordinal));
        Assert.Equal(2, reads.Count(r => r.PathAndQuery.Contains("$skiptoken=<cookie pagenumber=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_case_changed_between_two_pages_is_neither_skipped_nor_lost()
    {
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "1" });
        var ids = Enumerable.Range(1, 3).Select(i => rig.Simulator.PersonCreatesCase($"Complaint {i}").Id).ToList();

        var firstPage = await adapter.ReadChangesAsync(null, DynamicsRig.Timeout);
        var changedMeanwhile = Guid.Parse(Assert.Single(firstPage.Changes).ExternalId);
        rig.Simulator.PersonEditsCase(changedMeanwhile, title: "Changed while the hub was paging");
        var rest = await DynamicsRig.ReadAllAsync(adapter, firstPage.NextWatermark);
        var delta = await DynamicsRig.ReadAllAsync(adapter, rest.Watermark);

        var seen = firstPage.Changes.Concat(rest.Changes).Concat(delta.Changes).Select(c => Guid.Parse(c.ExternalId)).Distinct();
        Assert.Equal(ids.Order(), seen.Order());
        Assert.Contains(delta.Changes, c => c.Fields.Title == "Changed while the hub was paging");
    }

    [Fact]
    public async Task The_hubs_own_writes_are_marked_as_written_by_the_hub()
    {
        var adapter = rig.CreateAdapter();
        var key = DynamicsRig.NewKey();
        var record = await adapter.CreateAsync(rig.NewCase(key), DynamicsRig.Timeout);

        var (changes, _, _) = await DynamicsRig.ReadAllAsync(adapter, null);

        var own = Assert.Single(changes, c => c.ExternalId == record.ExternalId);
        Assert.True(own.WrittenByHub);
        Assert.Equal(key, own.CorrelationKey);
        Assert.Equal(record.Version, own.Version);
    }

    public void Dispose() => rig.Dispose();
}
