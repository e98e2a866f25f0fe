using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>
/// Catching up on a backlog while people (and the hub itself) keep changing incidents: no incident may be skipped
/// because another one moved while the hub paged through the list.
/// </summary>
public sealed class CatchUpTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly TopDeskTestbed testbed;

    public CatchUpTests()
    {
        testbed = new TopDeskTestbed(new TopDeskSimulatorOptions { Time = clock });
    }

    private TopDeskSimulator Simulator => testbed.Simulator;

    /// <summary>250 incidents logged three hours ago, <paramref name="apart"/> from each other (zero: all in one second).</summary>
    private List<SimulatedIncident> LogBacklog(TimeSpan apart)
    {
        var logged = new List<SimulatedIncident>();
        for (var n = 1; n <= 250; n++)
        {
            clock.AdjustTime(clock.Start + TimeSpan.FromHours(-3) + (apart * n));
            logged.Add(Simulator.LogIncident(new SimulatedIncidentDraft { BriefDescription = $"Melding {n}", Category = "Facilitair" }));
        }

        clock.AdjustTime(clock.Start);
        return logged;
    }

    /// <summary>One poll as the engine makes it: read, store the watermark, read again at once while HasMore.</summary>
    private static async Task<(List<ObservedChange> Changes, string? Watermark)> PollAsync(ISystemAdapter adapter, string? watermark)
    {
        var changes = new List<ObservedChange>();
        for (var page = 0; page < 50; page++)
        {
            var batch = await adapter.ReadChangesAsync(watermark, TopDeskTestbed.Timeout);
            changes.AddRange(batch.Changes);
            watermark = batch.NextWatermark ?? watermark;
            if (!batch.HasMore)
            {
                break;
            }
        }

        return (changes, watermark);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(50, 10)]
    [InlineData(1, 0)]
    [InlineData(50, 0)]
    public async Task When_an_incident_of_the_first_page_changes_during_catch_up_no_incident_is_skipped(int maxPagesPerPoll, int secondsApart)
    {
        var logged = LogBacklog(TimeSpan.FromSeconds(secondsApart));
        var inListOrder = logged.OrderBy(i => i.ModificationDate).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var onFirstPage = inListOrder.Take(100).Intersect(logged.Take(100)).ToList(); // the first 100 by modification date, however ties go
        var edited = onFirstPage[onFirstPage.Count / 2];
        Simulator.BetweenIncidentPages(page =>
        {
            if (page == 1)
            {
                Simulator.ChangeProcessingStatus(edited.Id, "Wachten op leverancier");
            }
        });
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?>
        {
            ["PageSize"] = "100",
            ["MaxPagesPerPoll"] = maxPagesPerPoll.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var first = await PollAsync(adapter, null);
        var later = await PollAsync(adapter, first.Watermark);

        var reached = first.Changes.Concat(later.Changes).Where(c => c.Comment is null).Select(c => c.ExternalId).ToHashSet();
        Assert.Contains(logged[100].Id, reached);
        Assert.Contains(inListOrder[100].Id, reached);
        Assert.Empty(logged.Where(i => !reached.Contains(i.Id)).Select(i => i.BriefDescription));
        Assert.Contains(first.Changes.Concat(later.Changes), c => c.ExternalId == edited.Id && c.RawValues[MappedField.Status] == "Wachten op leverancier");
    }

    [Fact]
    public async Task When_the_hub_writes_back_to_the_incidents_it_just_read_one_poll_still_reads_a_backlog_of_one_second_to_its_end()
    {
        var logged = LogBacklog(TimeSpan.Zero).Take(200).ToList(); // all in one second, as a bulk import or a benchmark logs them
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "10" });
        var reached = new HashSet<string>();
        var pages = new List<List<string>>();
        string? watermark = null;
        var more = true;
        for (var page = 0; page < 50 && more; page++) // one poll, as the engine makes it (PollCycle.MaxPagesPerPoll)
        {
            var batch = await adapter.ReadChangesAsync(watermark, TopDeskTestbed.Timeout);
            var read = batch.Changes.Where(c => c.Comment is null).Select(c => c.ExternalId).ToList();
            reached.UnionWith(read);
            (watermark, more) = (batch.NextWatermark ?? watermark, batch.HasMore);
            pages.Add(read);
            foreach (var id in pages.Count > 1 ? pages[^2].Take(5) : []) // the hub's progress entries for what it read a page before
            {
                Simulator.AddAction(id, "Uw melding is doorgestuurd naar de gebouwbeheerder.");
            }

            clock.Advance(TimeSpan.FromMilliseconds(300));
        }

        Assert.Empty(logged.Where(i => !reached.Contains(i.Id)).Select(i => i.BriefDescription));
        Assert.False(more);
    }

    [Fact]
    public async Task A_resume_watermark_written_before_keyset_paging_resumes_at_its_offset_without_rereading_or_skipping()
    {
        var logged = LogBacklog(TimeSpan.FromSeconds(10)).Take(5).ToList();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "2", ["MaxPagesPerPoll"] = "1" });
        var since = Text(logged[0].ModificationDate.AddMinutes(-2));
        var latest = Text(logged[1].ModificationDate);

        var resumed = await PollAsync(adapter, $"{latest}|{since}@2");

        var expected = logged.Skip(2).Select(i => i.Id).ToList();
        Assert.Equal(expected, resumed.Changes.Where(c => c.Comment is null && expected.Contains(c.ExternalId)).Select(c => c.ExternalId));
        Assert.DoesNotContain(resumed.Changes, c => c.ExternalId == logged[0].Id || c.ExternalId == logged[1].Id);
    }

    private static string Text(DateTimeOffset moment) => moment.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => testbed.Dispose();
}
