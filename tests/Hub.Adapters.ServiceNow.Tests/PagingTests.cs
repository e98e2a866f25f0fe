using Hub.Simulators.ServiceNow;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>Polling pages by keyset on (sys_updated_on, sys_id): what changes during the read is never skipped.</summary>
public sealed class PagingTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceNowTestbed testbed;

    public PagingTests() => testbed = new ServiceNowTestbed(new ServiceNowSimulatorOptions { Time = clock });

    [Fact]
    public async Task Incidents_that_change_while_the_hub_pages_through_them_push_no_other_incident_out_of_the_read()
    {
        var opened = new List<SimulatedIncident>();
        for (var i = 1; i <= 5; i++)
        {
            opened.Add(testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = $"Complaint {i}" }));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        testbed.Simulator.BetweenIncidentPages(page =>
        {
            if (page == 1)
            {
                clock.Advance(TimeSpan.FromSeconds(10)); // the first two, just read, change and move to the end of the list
                testbed.Simulator.ChangeState(opened[0].SysId, "2");
                testbed.Simulator.ChangeState(opened[1].SysId, "2");
            }
        });
        // the hub's clock is the instance's here: a time limit per attempt must not run out while the people act
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "2", ["Http:AttemptTimeout"] = "01:00:00" });

        var read = await ServiceNowTestbed.ReadAllAsync(adapter, null);

        var snapshots = read.Changes.Where(c => c.Comment is null).ToList();
        Assert.All(opened, incident => Assert.Contains(snapshots, c => c.ExternalId == incident.SysId));
        Assert.Contains(snapshots, c => c.ExternalId == opened[0].SysId && c.RawValues["status"] == "2"); // its change was read too
        Assert.True(read.Pages >= 3, $"read in {read.Pages} pages");
    }

    [Fact]
    public async Task Offset_paging_over_the_same_changes_would_skip_incidents_which_is_why_the_hub_pages_by_keyset()
    {
        for (var i = 1; i <= 5; i++)
        {
            testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = $"Complaint {i}" });
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var http = new HttpClient { BaseAddress = new Uri(testbed.Simulator.Url) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{testbed.Simulator.Options.Username}:{testbed.Simulator.Options.Password}")));
        async Task<List<string>> PageAsync(int offset)
        {
            var body = await http.GetStringAsync(new Uri($"/api/now/v2/table/incident?sysparm_query=ORDERBYsys_updated_on%5EORDERBYsys_id&sysparm_fields=number&sysparm_limit=2&sysparm_offset={offset}", UriKind.Relative));
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return [.. json.RootElement.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("number").GetString()!)];
        }

        var first = await PageAsync(0);
        clock.Advance(TimeSpan.FromSeconds(10));
        testbed.Simulator.ChangeState(testbed.Simulator.Incident(first[0]).SysId, "2");
        testbed.Simulator.ChangeState(testbed.Simulator.Incident(first[1]).SysId, "2");
        var seen = first.Concat(await PageAsync(2)).Concat(await PageAsync(4)).ToHashSet();

        Assert.DoesNotContain("INC0010003", seen); // moved forward past the offset by the two that changed behind it
    }

    [Fact]
    public async Task More_incidents_in_one_second_than_a_page_holds_are_all_read_and_each_once()
    {
        var opened = Enumerable.Range(1, 7).Select(i => testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = $"Same second {i}" })).ToList();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "3" });

        var read = await ServiceNowTestbed.ReadAllAsync(adapter, null);

        Assert.Equal(opened.Select(i => i.SysId).Order(StringComparer.Ordinal), read.Changes.Select(c => c.ExternalId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_poll_asks_for_the_columns_it_reads_with_values_and_display_values_and_no_reference_links_in_utc_whole_seconds()
    {
        testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "Lamp broken" });
        testbed.Simulator.ClearRequestLog();

        await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        var list = Assert.Single(testbed.Simulator.Requests, r => r.StartsWith("GET /api/now/v2/table/incident?", StringComparison.Ordinal));
        var query = Uri.UnescapeDataString(list);
        Assert.Contains("sysparm_query=sys_updated_on>=2026-11-30 09:00:00^ORDERBYsys_updated_on^ORDERBYsys_id", query, StringComparison.Ordinal);
        Assert.Contains("sysparm_fields=sys_id,number,", query, StringComparison.Ordinal);
        Assert.Contains("sysparm_limit=100", query, StringComparison.Ordinal);
        Assert.Contains("sysparm_display_value=all", query, StringComparison.Ordinal);
        Assert.Contains("sysparm_exclude_reference_link=true", query, StringComparison.Ordinal);
        Assert.DoesNotContain("sysparm_offset", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_poll_starts_an_overlap_before_the_latest_change_seen()
    {
        testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "Lamp broken" });
        var first = await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout);
        clock.Advance(TimeSpan.FromMinutes(30));
        testbed.Simulator.ClearRequestLog();

        await testbed.CreateAdapter().ReadChangesAsync(first.NextWatermark, ServiceNowTestbed.Timeout);

        Assert.Equal("2026-12-01 09:00:00", first.NextWatermark);
        Assert.Contains(testbed.Simulator.Requests, r => Uri.UnescapeDataString(r).Contains("sys_updated_on>=2026-12-01 08:58:00", StringComparison.Ordinal));
    }

    public void Dispose() => testbed.Dispose();
}
