using System.Net;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// Requests for a poll at once (webhooks, arrivals in a watched mailbox) while a poll runs queue one more poll, not one
/// each: a poll that has not started yet reads whatever the later requests announced. What a request announced before it
/// was made is still read, however many came before it.
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class PollRequestTests(ITestOutputHelper log)
{
    private const int Burst = 20;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1); // every TOPdesk call: a poll runs for a while, the burst lands during it

    [Fact]
    public async Task Twenty_webhooks_during_a_running_poll_bring_one_more_poll_not_twenty_and_the_change_the_last_one_announced_arrives()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await ServiceDeskPolls.FirstPollAsync(world);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let that poll end
        world.TopDesk.SetFailureRatio(0, Slow);
        var before = ServiceDeskPolls.IncidentLists(world);

        for (var i = 1; i < Burst; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await ServiceDeskPolls.PostWebhookAsync(http, world, WebhookCall.NewBody()));
        }

        var incident = Complaints.BlockedToilet(world.TopDesk); // what the last webhook announces
        Assert.Equal(HttpStatusCode.Accepted, await ServiceDeskPolls.PostWebhookAsync(http, world, WebhookCall.NewBody()));

        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(60), $"the case for {incident.Number}, announced by the last webhook");
        var polls = await SettledAsync(() => ServiceDeskPolls.IncidentLists(world) - before); // polls still queued run now, one slow list each
        Assert.True(polls <= 3, $"{Burst} webhooks during a poll brought {polls} polls: the running one and one waiting to start are enough");
    }

    /// <summary>The count once it has not changed for five seconds (at most two minutes: a queue of twenty slow polls drains in about forty).</summary>
    private static async Task<int> SettledAsync(Func<int> count)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        var last = count();
        var since = TimeProvider.System.GetUtcNow();
        while (TimeProvider.System.GetUtcNow() < deadline && TimeProvider.System.GetUtcNow() - since < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(250);
            if (count() != last)
            {
                (last, since) = (count(), TimeProvider.System.GetUtcNow());
            }
        }

        return last;
    }
}
