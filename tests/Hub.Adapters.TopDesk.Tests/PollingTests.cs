using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Simulators.TopDesk;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class PollingTests : IDisposable
{
    private readonly TopDeskTestbed testbed = new();

    private TopDeskSimulator Simulator => testbed.Simulator;

    private SimulatedIncident LogToiletComplaint(string title = "Toilet verstopt") => Simulator.LogIncident(new SimulatedIncidentDraft
    {
        BriefDescription = title,
        Request = "Het toilet op de 2e verdieping loopt niet door.",
        Category = "Facilitair",
        Subcategory = "Sanitair",
        ProcessingStatus = "In behandeling",
        CallerName = "Petra Bakker",
        CallerEmail = "petra.bakker@example.org",
        Location = "Gebouw A, kamer 2.14",
    });

    private List<SimulatedRequest> IncidentListRequests() =>
        [.. Simulator.Requests.Where(r => r.Method == "GET" && r.Path == "/tas/api/incidents")];

    [Fact]
    public async Task Polling_reads_every_page_while_TOPdesk_answers_206_and_stops_at_the_200()
    {
        var logged = Enumerable.Range(1, 5).Select(n => LogToiletComplaint($"Melding {n}")).ToList();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "2" });
        Simulator.ClearRequestLog();

        var batches = await ReadWhileMoreAsync(adapter);

        var pages = IncidentListRequests();
        Assert.Equal([206, 206, 200], pages.Select(p => p.Status));
        Assert.Equal(logged.Select(i => i.Id).Order(), batches.SelectMany(b => b.Changes).Where(c => c.Comment is null).Select(c => c.ExternalId).Order());
        Assert.False(batches[^1].HasMore);
    }

    [Fact]
    public async Task Each_read_brings_one_page_and_asks_to_be_called_again_resuming_where_it_stopped()
    {
        var logged = Enumerable.Range(1, 5).Select(n => LogToiletComplaint($"Melding {n}")).ToList();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "2" });
        Simulator.ClearRequestLog();

        var batches = await ReadWhileMoreAsync(adapter);

        Assert.Equal([true, true, false], batches.Select(b => b.HasMore));
        Assert.Equal([2, 2, 1], batches.Select(b => b.Changes.Count(c => c.Comment is null)));
        Assert.Equal(logged.Select(i => i.Id).Order(), batches.SelectMany(b => b.Changes).Select(c => c.ExternalId).Order());
        Assert.DoesNotContain("|", batches[^1].NextWatermark, StringComparison.Ordinal);
    }

    /// <summary>Reads as the engine's poll does: page after page while the adapter has more.</summary>
    private static async Task<List<ChangeBatch>> ReadWhileMoreAsync(ISystemAdapter adapter)
    {
        var batches = new List<ChangeBatch>();
        string? watermark = null;
        do
        {
            batches.Add(await adapter.ReadChangesAsync(watermark, TopDeskTestbed.Timeout));
            watermark = batches[^1].NextWatermark;
        }
        while (batches[^1].HasMore && batches.Count < 10);

        return batches;
    }

    [Fact]
    public async Task When_nothing_changed_TOPdesk_answers_204_and_the_watermark_stays()
    {
        LogToiletComplaint();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PollOverlap"] = "00:00:00" });
        var later = TimeProvider.System.GetUtcNow().AddMinutes(5).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Simulator.ClearRequestLog();

        var batch = await adapter.ReadChangesAsync(later, TopDeskTestbed.Timeout);

        Assert.Equal(204, Assert.Single(IncidentListRequests()).Status);
        Assert.Empty(batch.Changes);
        Assert.Equal(DateTimeOffset.Parse(later, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(batch.NextWatermark!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_poll_asks_for_changes_since_the_watermark_minus_the_overlap_sorted_with_only_the_needed_fields()
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PollOverlap"] = "00:02:00" });

        await adapter.ReadChangesAsync("2026-11-22T10:00:00.0000000+00:00", TopDeskTestbed.Timeout);

        var query = Assert.Single(IncidentListRequests()).Query;
        Assert.Contains("query=modificationDate=ge=2026-11-22T09:58:00Z", query, StringComparison.Ordinal);
        Assert.Contains("sort=modificationDate:asc,id:asc", query, StringComparison.Ordinal);
        Assert.Contains("all=true", query, StringComparison.Ordinal);
        Assert.Contains("fields=id,number,", query, StringComparison.Ordinal);
        Assert.Contains("processingStatus", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_watermark_advances_to_the_latest_modification_seen()
    {
        var incident = LogToiletComplaint();
        var adapter = testbed.CreateAdapter();

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        Assert.Equal(incident.ModificationDate, DateTimeOffset.Parse(batch.NextWatermark!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_incident_is_read_as_a_full_snapshot_with_TOPdesks_own_values()
    {
        var incident = LogToiletComplaint();
        var adapter = testbed.CreateAdapter();

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        var snapshot = Assert.Single(batch.Changes, c => c.ExternalId == incident.Id && c.Comment is null);
        Assert.Equal(ChangeKind.Created, snapshot.Kind);
        Assert.Equal(incident.Number, snapshot.ExternalNumber);
        Assert.Equal("Toilet verstopt", snapshot.Fields.Title);
        Assert.Equal("Het toilet op de 2e verdieping loopt niet door.", snapshot.Fields.Description);
        Assert.Equal(new CaseReporter("Petra Bakker", "petra.bakker@example.org", null), snapshot.Fields.Reporter);
        Assert.Equal("Gebouw A, kamer 2.14", snapshot.Fields.Location?.Building);
        Assert.Equal("In behandeling", snapshot.RawValues[MappedField.Status]);
        Assert.Equal("Normaal", snapshot.RawValues[MappedField.Priority]);
        Assert.Equal("Facilitair", snapshot.RawValues[MappedField.Category]);
        Assert.Equal("Sanitair", snapshot.RawValues[MappedField.Subcategory]);
        Assert.Null(snapshot.Fields.Status);
        Assert.Null(snapshot.CorrelationKey);
        Assert.False(snapshot.WrittenByHub);
        Assert.Equal(Simulator.StaffOperator.Name, snapshot.Actor);
    }

    [Fact]
    public async Task Progress_entries_become_public_or_internal_comments_with_their_author()
    {
        var incident = LogToiletComplaint();
        Simulator.AddAction(incident.Id, "Loodgieter is gebeld.\nHij komt morgen.");
        Simulator.AddAction(incident.Id, "Let op: sleutel bij de receptie", invisibleForCaller: true);
        var adapter = testbed.CreateAdapter();

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        var comments = batch.Changes.Where(c => c.Kind == ChangeKind.CommentAdded).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Equal(new CaseComment("Loodgieter is gebeld.\nHij komt morgen.", true, Simulator.StaffOperator.Name), comments[0].Comment);
        Assert.Equal(new CaseComment("Let op: sleutel bij de receptie", false, Simulator.StaffOperator.Name), comments[1].Comment);
        Assert.All(comments, c => Assert.False(c.WrittenByHub));
        Assert.All(comments, c => Assert.StartsWith("action:", c.Version, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_entries_of_a_page_are_read_several_at_a_time_and_come_back_in_page_order()
    {
        var logged = Enumerable.Range(1, 8).Select(n => LogToiletComplaint($"Melding {n}")).ToList();
        foreach (var incident in logged)
        {
            Simulator.AddAction(incident.Id, $"Eerste notitie bij {incident.Number}");
            Simulator.AddAction(incident.Id, $"Tweede notitie bij {incident.Number}");
        }

        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["ProgressReadConcurrency"] = "3" });
        Simulator.SetFailureRatio(0, TimeSpan.FromMilliseconds(100));
        Simulator.ClearRequestLog();

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        Assert.Equal(3, Simulator.MostRequestsInFlight);
        var pageOrder = logged.OrderBy(i => i.ModificationDate).ThenBy(i => i.Id, StringComparer.Ordinal);
        var expected = pageOrder.SelectMany(i => new[] { (i.Id, (string?)null), (i.Id, $"Eerste notitie bij {i.Number}"), (i.Id, $"Tweede notitie bij {i.Number}") });
        Assert.Equal(expected, batch.Changes.Select(c => (c.ExternalId, c.Comment?.Text)));
    }

    [Fact]
    public async Task The_hubs_own_progress_entry_and_change_are_marked_as_written_by_the_hub()
    {
        var incident = LogToiletComplaint();
        var adapter = testbed.CreateAdapter();
        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000042",
            ExternalId = incident.Id,
            Kind = ChangeKind.CommentAdded,
            Comment = new CaseComment("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", true, "contractor"),
        }, TopDeskTestbed.Timeout);

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        var comment = Assert.Single(batch.Changes, c => c.Kind == ChangeKind.CommentAdded);
        Assert.True(comment.WrittenByHub);
        Assert.True(Assert.Single(batch.Changes, c => c.Comment is null).WrittenByHub);
    }

    [Fact]
    public async Task A_changed_state_gets_a_new_version_and_the_same_state_read_again_the_same_version()
    {
        var incident = LogToiletComplaint();
        var adapter = testbed.CreateAdapter();
        string VersionIn(ChangeBatch batch) => Assert.Single(batch.Changes, c => c.ExternalId == incident.Id && c.Comment is null).Version;

        var first = VersionIn(await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout));
        var again = VersionIn(await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout));
        Simulator.ChangeProcessingStatus(incident.Id, "Wachten op leverancier");
        var changed = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        Assert.Equal(first, again);
        Assert.NotEqual(first, VersionIn(changed));
        Assert.Equal("Wachten op leverancier", Assert.Single(changed.Changes, c => c.Comment is null).RawValues[MappedField.Status]);
    }

    [Fact]
    public async Task An_incident_the_hub_created_carries_its_correlation_key_when_read()
    {
        var adapter = testbed.CreateAdapter();
        var key = TopDeskTestbed.NewKey();
        var created = await adapter.CreateAsync(TopDeskTestbed.CreateCommand(key), TopDeskTestbed.Timeout);

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        Assert.Equal(key, Assert.Single(batch.Changes, c => c.ExternalId == created.ExternalId).CorrelationKey);
    }

    [Fact]
    public async Task Reading_back_an_incident_the_hub_created_does_not_report_the_hubs_own_composition_as_news()
    {
        var adapter = testbed.CreateAdapter();
        var title = "Lekkage in de technische ruimte boven de serverruimte, water druppelt langs de kabelgoot";
        var created = await adapter.CreateAsync(TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey(), title), TopDeskTestbed.Timeout);
        Simulator.AddAction(created.ExternalId, "Bekeken, loodgieter ingeschakeld");

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        var snapshot = Assert.Single(batch.Changes, c => c.ExternalId == created.ExternalId && c.Comment is null);
        Assert.False(snapshot.WrittenByHub);
        Assert.Null(snapshot.Fields.Title);
        Assert.Null(snapshot.Fields.Description);
        Assert.Null(snapshot.Fields.Reporter);
        Assert.Equal("Geregistreerd", snapshot.RawValues[MappedField.Status]);
    }

    [Fact]
    public async Task A_flaky_TOPdesk_is_ridden_out_by_retries_within_the_poll()
    {
        LogToiletComplaint("Eerste");
        LogToiletComplaint("Tweede");
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Http:MaxRetries"] = "6" });
        await adapter.CheckHealthAsync(TopDeskTestbed.Timeout);
        Simulator.SetFailureRatio(0.3, TimeSpan.FromMilliseconds(5), seed: 7);

        var batch = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        Assert.Equal(2, batch.Changes.Count(c => c.Comment is null));
        Assert.Contains(Simulator.Requests, r => r.Status == 503);
    }

    public void Dispose() => testbed.Dispose();
}
