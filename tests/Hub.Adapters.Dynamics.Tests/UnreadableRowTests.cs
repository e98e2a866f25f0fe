namespace Hub.Adapters.Dynamics.Tests;

/// <summary>A case row the adapter cannot read is reported as unreadable; the rest of its page is read.</summary>
public sealed class UnreadableRowTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    [Theory]
    [InlineData("prioritycode", "\"hoog\"", "prioritycode")] // a choice column that should be a number
    [InlineData("resolveby", "\"gisteren\"", "resolveby")] // a date that does not parse
    [InlineData("title", "{\"nl\": \"Lekkage\"}", "title")] // an unknown nested shape
    public async Task A_case_row_with_a_column_the_hub_cannot_read_is_reported_unreadable_and_the_rest_of_its_page_is_read(string column, string rawJson, string named)
    {
        var adapter = rig.CreateAdapter();
        var cases = Enumerable.Range(1, 3).Select(n => rig.Simulator.PersonCreatesCase($"Klacht {n}")).ToList();
        rig.Simulator.ServeColumnAsRawJson(cases[1].Id, column, rawJson);

        var batch = await adapter.ReadChangesAsync(null, DynamicsRig.Timeout);

        Assert.Equal(new[] { cases[0].Id, cases[2].Id }.Select(i => i.ToString()).Order(), batch.Changes.Select(c => c.ExternalId).Order());
        var unreadable = Assert.Single(batch.Unreadable);
        Assert.Equal(cases[1].Id.ToString(), unreadable.ExternalId);
        Assert.Equal(cases[1].TicketNumber, unreadable.ExternalNumber);
        Assert.Contains(cases[1].TicketNumber, unreadable.Reason, StringComparison.Ordinal);
        Assert.Contains(named, unreadable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_unreadable_row_read_again_has_the_same_version_and_the_watermark_moves_past_it()
    {
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "10" });
        rig.Simulator.DisableChangeTracking(); // polling on modifiedon: the mark must still move past the unreadable row
        var first = rig.Simulator.PersonCreatesCase("Lift stuck");
        var broken = rig.Simulator.PersonCreatesCase("Broken window");
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // Dataverse keeps seconds: the broken row is now the latest change
        rig.Simulator.ServeColumnAsRawJson(broken.Id, "prioritycode", "\"hoog\"");

        var batch = await adapter.ReadChangesAsync(null, DynamicsRig.Timeout);
        var again = await adapter.ReadChangesAsync(null, DynamicsRig.Timeout);
        var next = await adapter.ReadChangesAsync(batch.NextWatermark, DynamicsRig.Timeout);

        Assert.Equal(first.Id.ToString(), Assert.Single(batch.Changes).ExternalId);
        Assert.Equal(Assert.Single(batch.Unreadable).Version, Assert.Single(again.Unreadable).Version);
        Assert.All(next.Unreadable, u => Assert.Equal(batch.Unreadable[0].Version, u.Version)); // the overlap may read it again: same version, journaled once
        Assert.Contains("\"CasesHigh\":\"" + rig.Simulator.FindCase(broken.Id)!.ModifiedOn.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), batch.NextWatermark, StringComparison.Ordinal);
    }

    public void Dispose() => rig.Dispose();
}
