using Hub.Simulators.TopDesk;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>An incident the adapter cannot read or translate is reported as unreadable; the rest of its page is read.</summary>
public sealed class UnreadableIncidentTests : IDisposable
{
    private readonly TopDeskTestbed testbed = new();

    private TopDeskSimulator Simulator => testbed.Simulator;

    private List<SimulatedIncident> LogThreeComplaints() =>
        [.. Enumerable.Range(1, 3).Select(n => Simulator.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = $"Toilet verstopt {n}",
            Request = "Het toilet loopt niet door.",
            Category = "Facilitair",
            Subcategory = "Sanitair",
            ProcessingStatus = "In behandeling",
        }))];

    [Theory]
    [InlineData("priority", "5", "priority")] // a search-list value that should be {"id", "name"}
    [InlineData("targetDate", "\"gisteren\"", "gisteren")] // a date that does not parse
    [InlineData("caller", "[\"Petra\"]", "caller")] // an unknown nested shape
    [InlineData("completed", "\"ja\"", "completed")]
    public async Task An_incident_with_a_field_the_hub_cannot_read_is_reported_unreadable_and_the_rest_of_its_page_is_read(string field, string rawJson, string named)
    {
        var logged = LogThreeComplaints();
        Simulator.ServeFieldAsRawJson(logged[1].Id, field, rawJson);
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "3" });

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        Assert.Equal(new[] { logged[0].Id, logged[2].Id }.Order(), batch.Changes.Where(c => c.Comment is null).Select(c => c.ExternalId).Order());
        var unreadable = Assert.Single(batch.Unreadable);
        Assert.Equal(logged[1].Id, unreadable.ExternalId);
        Assert.Equal(logged[1].Number, unreadable.ExternalNumber);
        Assert.Contains(logged[1].Number, unreadable.Reason, StringComparison.Ordinal);
        Assert.Contains(named, unreadable.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.ApplicationPassword, unreadable.Reason, StringComparison.Ordinal);
        var latest = batch.NextWatermark!.Split('|')[0]; // the latest modification date; a read of incidents changed seconds ago adds its mark after "|~"
        Assert.True(DateTimeOffset.Parse(latest, System.Globalization.CultureInfo.InvariantCulture) >= logged[1].ModificationDate,
            "the watermark moves past the unreadable incident, which was changed last");
    }

    [Fact]
    public async Task The_same_unreadable_incident_read_again_has_the_same_version_and_a_changed_one_another()
    {
        var logged = LogThreeComplaints();
        Simulator.ServeFieldAsRawJson(logged[1].Id, "priority", "5");
        var adapter = testbed.CreateAdapter();

        var first = Assert.Single((await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout)).Unreadable);
        var again = Assert.Single((await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout)).Unreadable);
        Simulator.ServeFieldAsRawJson(logged[1].Id, "priority", "6");
        var changed = Assert.Single((await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout)).Unreadable);

        Assert.Equal(first.Version, again.Version);
        Assert.NotEqual(first.Version, changed.Version);
    }

    public void Dispose() => testbed.Dispose();
}
