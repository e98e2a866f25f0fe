using Hub.Abstractions.Adapters;
using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>
/// Every poll lists again what changed within the overlap (two minutes); the progress entries of an incident that did
/// not change since the hub read them, and took that read in, are not asked for again, while any real change in the
/// overlap, even one in the very second of the last read, still is.
/// </summary>
public sealed class OverlapRereadTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly TopDeskTestbed testbed;

    public OverlapRereadTests()
    {
        testbed = new TopDeskTestbed(new TopDeskSimulatorOptions { Time = clock });
    }

    private TopDeskSimulator Simulator => testbed.Simulator;

    private SimulatedIncident LogComplaint(string title) => testbed.LogComplaint(title);

    private int ProgressReadsOf(SimulatedIncident incident) =>
        Simulator.Requests.Count(r => r.Method == "GET" && r.Path == $"/tas/api/incidents/id/{incident.Id}/actions");

    private int IncidentLists() => Simulator.Requests.Count(r => r.Method == "GET" && r.Path == "/tas/api/incidents");

    [Fact]
    public async Task An_incident_unchanged_since_its_progress_entries_were_read_and_taken_in_is_listed_again_but_its_entries_are_not_asked_for()
    {
        var quiet = LogComplaint("Toilet verstopt");
        Simulator.AddAction(quiet.Id, "Monteur is gebeld.");
        var adapter = testbed.CreateAdapter();
        clock.Advance(TimeSpan.FromSeconds(3));
        var first = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);
        Simulator.ClearRequestLog();

        var polls = new List<ChangeBatch>();
        var watermark = first.NextWatermark;
        for (var poll = 0; poll < 5; poll++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            polls.Add(await adapter.ReadChangesAsync(watermark, TopDeskTestbed.Timeout));
            watermark = polls[^1].NextWatermark;
        }

        Assert.Contains(first.Changes, c => c.Comment?.Text.Contains("Monteur is gebeld", StringComparison.Ordinal) == true);
        Assert.Equal(5, IncidentLists());
        Assert.All(polls, p => Assert.Contains(p.Changes, c => c.ExternalId == quiet.Id && c.Comment is null)); // the snapshot, from the list
        Assert.Equal(0, ProgressReadsOf(quiet));
    }

    [Fact]
    public async Task A_progress_entry_added_inside_the_overlap_is_read_at_the_next_poll()
    {
        var incident = LogComplaint("Toilet verstopt");
        var adapter = testbed.CreateAdapter();
        clock.Advance(TimeSpan.FromSeconds(3));
        var settled = await ReadTwiceAsync(adapter);

        clock.Advance(TimeSpan.FromSeconds(1));
        Simulator.AddAction(incident.Id, "Monteur komt dinsdag.");
        var next = await adapter.ReadChangesAsync(settled, TopDeskTestbed.Timeout);

        Assert.Contains(next.Changes, c => c.ExternalId == incident.Id && c.Comment?.Text.Contains("Monteur komt dinsdag", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_progress_entry_added_in_the_same_second_as_the_last_read_is_still_read()
    {
        var incident = LogComplaint("Toilet verstopt");
        var adapter = testbed.CreateAdapter();
        var first = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        Simulator.AddAction(incident.Id, "Monteur komt dinsdag."); // the clock stands still: same modification date, same fields
        var second = await adapter.ReadChangesAsync(first.NextWatermark, TopDeskTestbed.Timeout);

        Assert.Equal(first.Changes.Single(c => c.Comment is null).Version, second.Changes.Single(c => c.Comment is null).Version);
        Assert.Contains(second.Changes, c => c.Comment?.Text.Contains("Monteur komt dinsdag", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task When_the_engine_did_not_store_the_watermark_of_a_read_the_next_read_asks_for_the_entries_again()
    {
        var incident = LogComplaint("Toilet verstopt");
        var adapter = testbed.CreateAdapter();
        clock.Advance(TimeSpan.FromSeconds(3));
        var first = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);
        var stored = Reading.SettledIncidents.Unmarked(first.NextWatermark); // what an earlier read with the same finding stored
        Simulator.ClearRequestLog();

        var again = await adapter.ReadChangesAsync(stored, TopDeskTestbed.Timeout); // the same watermark, but not this read's: its batch was not taken in

        Assert.Equal(1, ProgressReadsOf(incident));
        Assert.Contains(again.Changes, c => c.ExternalId == incident.Id && c.Comment is null);
    }

    [Fact]
    public async Task After_a_restart_the_first_poll_reads_the_progress_entries_of_the_whole_overlap_again()
    {
        var incident = LogComplaint("Toilet verstopt");
        clock.Advance(TimeSpan.FromSeconds(3));
        var settled = await ReadTwiceAsync(testbed.CreateAdapter());
        Simulator.ClearRequestLog();

        await testbed.CreateAdapter().ReadChangesAsync(settled, TopDeskTestbed.Timeout);

        Assert.Equal(1, ProgressReadsOf(incident));
    }

    [Fact]
    public async Task A_marked_watermark_still_starts_the_next_poll_from_the_latest_modification_minus_the_overlap()
    {
        var incident = LogComplaint("Toilet verstopt");
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PollOverlap"] = "00:02:00" });
        clock.Advance(TimeSpan.FromSeconds(3));
        var first = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);
        Simulator.ClearRequestLog();

        await adapter.ReadChangesAsync(first.NextWatermark, TopDeskTestbed.Timeout);

        Assert.Contains(Reading.SettledIncidents.MarkSeparator, first.NextWatermark, StringComparison.Ordinal);
        var since = incident.ModificationDate.AddMinutes(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("modificationDate=ge=" + since, Simulator.Requests.Single(r => r.Path == "/tas/api/incidents").Query, StringComparison.Ordinal);
    }

    /// <summary>Two polls in a row as the engine makes them; after the second, the incidents read in the first are settled.</summary>
    private static async Task<string?> ReadTwiceAsync(ISystemAdapter adapter)
    {
        var first = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);
        var second = await adapter.ReadChangesAsync(first.NextWatermark, TopDeskTestbed.Timeout);
        return second.NextWatermark;
    }

    public void Dispose() => testbed.Dispose();
}
