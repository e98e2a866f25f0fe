using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class ReliabilityTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Under_twenty_percent_server_errors_with_latency_every_case_arrives_exactly_once()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.TopDesk.SetFailureRatio(0.2, TimeSpan.FromMilliseconds(50));
        world.Dynamics.FailShareOfRequests(0.2, TimeSpan.FromMilliseconds(50));
        var incidents = Enumerable.Range(1, 10).Select(i => Complaints.BlockedToilet(world.TopDesk, i)).ToList();
        world.StartHub();

        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= 10 && world.WorkOrders().Count >= 10, TimeSpan.FromSeconds(120),
            "ten cases at the building manager and ten work orders");
        await Task.Delay(TimeSpan.FromSeconds(5)); // retries in flight would show up as duplicates now

        var keys = world.Dynamics.Cases.Select(c => c.CorrelationKey).ToList();
        Assert.Equal(10, keys.Count);
        Assert.Equal(10, keys.Distinct().Count());
        Assert.Equal(10, world.WorkOrders().Count);
        Assert.Equal(10, incidents.Count);
    }

    [Fact]
    public async Task Killing_the_hub_twice_during_a_batch_of_forty_loses_nothing_and_duplicates_nothing()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.TopDesk.SetFailureRatio(0.0, TimeSpan.FromMilliseconds(40)); // slow enough to be killed mid-batch
        world.Dynamics.FailShareOfRequests(0.0, TimeSpan.FromMilliseconds(40));
        for (var i = 1; i <= 40; i++)
        {
            Complaints.BlockedToilet(world.TopDesk, i);
        }

        var first = world.StartHub();
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= 5, TimeSpan.FromSeconds(60), "the first cases");
        first.Kill();
        var second = world.StartHub();
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= 20, TimeSpan.FromSeconds(60), "more cases after the restart");
        second.Kill();
        world.StartHub();

        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= 40 && world.WorkOrders().Count >= 40, TimeSpan.FromSeconds(150),
            "all forty cases and work orders");
        await Task.Delay(TimeSpan.FromSeconds(5));

        var keys = world.Dynamics.Cases.Select(c => c.CorrelationKey).ToList();
        Assert.Equal(40, keys.Count);
        Assert.Equal(40, keys.Distinct().Count());
        Assert.Equal(40, world.WorkOrders().Count);
    }

    [Fact]
    public async Task A_burst_of_429_is_waited_out_without_calling_inside_the_penalty()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.Dynamics.ThrottleBurst(3, TimeSpan.FromSeconds(4));
        Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();

        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(90), "the case created after the throttling");

        // A request already on the wire when the 429 came back cannot be recalled: allow 250 ms for those in flight.
        var requests = world.Dynamics.DataverseRequests;
        foreach (var throttled in requests.Where(r => r.StatusCode == 429))
        {
            var penaltyEnds = throttled.AnsweredAt + TimeSpan.FromSeconds(4);
            var inFlight = throttled.AnsweredAt + TimeSpan.FromMilliseconds(250);
            Assert.DoesNotContain(requests, r => r.ArrivedAt > inFlight && r.ArrivedAt < penaltyEnds - TimeSpan.FromMilliseconds(50));
        }

        Assert.Contains(requests, r => r.StatusCode == 429);
    }
}
