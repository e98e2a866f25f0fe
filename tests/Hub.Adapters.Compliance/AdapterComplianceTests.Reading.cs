using Hub.Abstractions.Adapters;
using Xunit;

namespace Hub.Adapters.Compliance;

/// <summary>
/// Reading: a person's change is read once per version, the hub's own writes are no person's, the watermark carries a
/// restart, one record reads back on request (or the adapter says plainly that its system cannot).
/// </summary>
public abstract partial class AdapterComplianceTests
{
    [ComplianceFact]
    public async Task A_persons_comment_is_read_as_a_change_not_written_by_the_hub()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var before = await ReadAllAsync(adapter, null);

        var text = Unique("Person says");
        await Harness.PersonCommentsAsync(created.ExternalId, text, Timeout);
        var after = await ReadAllAsync(adapter, before.Watermark);

        var seen = Assert.Single(after.Changes, c => Says(c, text));
        Assert.Equal(created.ExternalId, seen.ExternalId);
        Assert.False(seen.WrittenByHub);
    }

    [ComplianceFact]
    public async Task Reading_twice_gives_each_change_the_same_inbox_key()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var text = Unique("Same twice");
        await Harness.PersonCommentsAsync(created.ExternalId, text, Timeout);

        var first = await ReadAllAsync(adapter, null);
        var second = await ReadAllAsync(adapter, null);

        var a = Assert.Single(first.Changes, c => Says(c, text));
        var b = Assert.Single(second.Changes, c => Says(c, text));
        Assert.Equal((a.ExternalId, a.Version), (b.ExternalId, b.Version));
    }

    [ComplianceFact]
    public async Task A_comment_the_hub_wrote_does_not_come_back_as_a_persons_change()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var before = await ReadAllAsync(adapter, null);

        var hubText = Unique("Hub says");
        await adapter.ApplyAsync(HubComment(created.ExternalId, hubText), Timeout);
        var personText = Unique("Person answers");
        await Harness.PersonCommentsAsync(created.ExternalId, personText, Timeout);
        var after = await ReadAllAsync(adapter, before.Watermark);

        Assert.False(Assert.Single(after.Changes, c => Says(c, personText)).WrittenByHub); // this read saw the record's comments
        Assert.DoesNotContain(after.Changes, c => !c.WrittenByHub && Says(c, hubText));
    }

    [ComplianceFact]
    public async Task The_watermark_moves_past_a_persons_change_and_a_restarted_adapter_goes_on_from_it_losing_nothing()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);
        var start = await ReadAllAsync(adapter, null);
        var beforeRestart = Unique("Before the restart");
        await Harness.PersonCommentsAsync(created.ExternalId, beforeRestart, Timeout);
        var first = await ReadAllAsync(adapter, start.Watermark);

        var afterRestart = Unique("After the restart");
        await Harness.PersonCommentsAsync(created.ExternalId, afterRestart, Timeout);
        var restarted = Harness.CreateAdapter();
        var second = await ReadAllAsync(restarted, first.Watermark);
        var third = await ReadAllAsync(Harness.CreateAdapter(), second.Watermark);

        var seenFirst = Assert.Single(first.Changes, c => Says(c, beforeRestart));
        Assert.NotNull(first.Watermark);
        Assert.NotEqual(start.Watermark, first.Watermark);
        var seenSecond = Assert.Single(second.Changes, c => Says(c, afterRestart));
        Assert.False(seenSecond.WrittenByHub);
        Assert.All(second.Changes.Where(c => Says(c, beforeRestart)), again => Assert.Equal((seenFirst.ExternalId, seenFirst.Version), (again.ExternalId, again.Version)));
        var known = start.Changes.Concat(first.Changes).Concat(second.Changes).Select(c => (c.ExternalId, c.Version)).ToHashSet();
        Assert.All(third.Changes, again => Assert.Contains((again.ExternalId, again.Version), known)); // an overlap, never a new version of an old change
    }

    [ComplianceFact]
    public async Task One_record_reads_back_on_request_and_an_unknown_one_reads_as_nothing()
    {
        var adapter = Harness.CreateAdapter();
        var created = await adapter.CreateAsync(Harness.SampleCreateCommand(NewKey()), Timeout);

        ObservedChange? read;
        try
        {
            read = await adapter.ReadRecordAsync(created.ExternalId, Timeout);
        }
        catch (NotSupportedException unsupported)
        {
            throw new CaseDoesNotApplyException($"the adapter reads no record on request: {unsupported.Message}");
        }

        Assert.NotNull(read);
        Assert.Equal(created.ExternalId, read.ExternalId);
        Assert.False(string.IsNullOrEmpty(read.Version), "a record read on request carries its version, as a poll would give it");
        Assert.Null(await adapter.ReadRecordAsync(Harness.UnknownExternalId, Timeout));
    }
}
