using System.Net;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A webhook whose body names the record ({"record": "&lt;id or number&gt;"}, what a TOPdesk action sequence can send)
/// has the hub read that record itself and take it in at once, beside a poll that is still paging through a backlog;
/// the poll is triggered as before. Only a call the webhook gate lets in is read for a name.
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class NamedRecordWebhookTests(ITestOutputHelper log)
{
    private const int Backlog = 60;
    private const int LiveNumber = 999;
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(250); // every TOPdesk call: the backlog's progress reads take seconds

    [Fact]
    public async Task A_webhook_naming_a_new_incident_gets_its_case_to_dynamics_while_the_backlog_is_still_being_read()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await ServiceDeskPolls.FirstPollAsync(world);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let that poll end: the backlog is read by the webhook's poll
        var backlog = Enumerable.Range(1, Backlog).Select(n => Complaints.BlockedToilet(world.TopDesk, n)).ToList();
        world.TopDesk.SetFailureRatio(0, Slow);

        Assert.Equal(HttpStatusCode.Accepted, await ServiceDeskPolls.PostWebhookAsync(http, world, WebhookCall.NewBody()));
        await world.EventuallyAsync(() => ProgressReadsOf(world, backlog) > 0, TimeSpan.FromSeconds(60), "the backlog's poll reading progress entries");
        var live = Complaints.BlockedToilet(world.TopDesk, LiveNumber);
        Assert.Equal(HttpStatusCode.Accepted, await ServiceDeskPolls.PostWebhookAsync(http, world, WebhookCall.NamingRecord(live.Id)));

        var readWhenLiveArrived = -1;
        await world.EventuallyAsync(() =>
        {
            var backlogRead = ProgressReadsOf(world, backlog); // before the look at Dynamics: a lower bound for that moment
            if (!world.Dynamics.Cases.Any(c => IsLive(c.Title)))
            {
                return false;
            }

            readWhenLiveArrived = backlogRead;
            return true;
        }, TimeSpan.FromSeconds(60), $"the case for the live incident {live.Number} in Dynamics");

        Assert.True(readWhenLiveArrived < Backlog,
            $"the live complaint reached Dynamics only after the poll had read all {Backlog} backlog incidents' progress entries");
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == Backlog + 1, TimeSpan.FromSeconds(180), "every backlog case and the live one in Dynamics");
        Assert.Single(world.Dynamics.Cases, c => IsLive(c.Title)); // the poll read it too; the inbox dropped the repeat
    }

    [Fact]
    public async Task A_webhook_naming_a_record_topdesk_does_not_know_changes_nothing_and_the_poll_still_runs()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        var hub = world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await ServiceDeskPolls.FirstPollAsync(world);
        var lists = ServiceDeskPolls.IncidentLists(world);

        Assert.Equal(HttpStatusCode.Accepted, await ServiceDeskPolls.PostWebhookAsync(http, world, WebhookCall.NamingRecord("I 2099 999")));
        Assert.Equal(HttpStatusCode.Accepted, await ServiceDeskPolls.PostWebhookAsync(http, world, WebhookCall.NamingRecord(Guid.NewGuid().ToString())));

        await world.EventuallyAsync(() => hub.Output.Contains("which that system does not know", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the hub's log saying TOPdesk knows no such record");
        await world.EventuallyAsync(() => ServiceDeskPolls.IncidentLists(world) > lists, TimeSpan.FromSeconds(20), "the poll the webhook triggered");
        Assert.Empty(world.Dynamics.Cases);

        var incident = Complaints.BlockedToilet(world.TopDesk);
        Assert.Equal(HttpStatusCode.Accepted, await ServiceDeskPolls.PostWebhookAsync(http, world, WebhookCall.NamingRecord(incident.Number)));
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(30), $"the case for {incident.Number}, named by its number");
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_call_naming_a_record_is_refused_and_the_record_is_not_read()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await ServiceDeskPolls.FirstPollAsync(world);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var incident = Complaints.BlockedToilet(world.TopDesk);
        var body = WebhookCall.NamingRecord(incident.Id);

        using var unsigned = await http.PostAsync(new Uri("hooks/servicedesk", UriKind.Relative), new ByteArrayContent(body));
        using var forged = WebhookCall.Signed(world.ApiUrl, "servicedesk", "not-the-secret", TimeProvider.System.GetUtcNow(), body);
        using var refused = await http.SendAsync(forged);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain(world.TopDesk.Requests, r => r.Path.Contains(incident.Id, StringComparison.Ordinal));
        Assert.Empty(world.Dynamics.Cases);
    }

    private static bool IsLive(string title) => title.EndsWith(FormattableString.Invariant($"verdieping {LiveNumber}"), StringComparison.Ordinal);

    private static int ProgressReadsOf(ChainWorld world, IReadOnlyList<Hub.Simulators.TopDesk.SimulatedIncident> incidents)
    {
        var paths = incidents.Select(i => $"/tas/api/incidents/id/{i.Id}/actions").ToHashSet(StringComparer.Ordinal);
        return world.TopDesk.Requests.Where(r => paths.Contains(r.Path)).Select(r => r.Path).Distinct(StringComparer.Ordinal).Count();
    }
}
