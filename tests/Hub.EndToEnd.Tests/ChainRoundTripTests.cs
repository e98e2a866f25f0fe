using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class ChainRoundTripTests(ITestOutputHelper log)
{
    [Fact]
    public async Task When_an_employee_reports_a_blocked_toilet_the_chain_runs_down_and_every_answer_comes_back_up()
    {
        await using var world = new ChainWorld(log);
        var incident = Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();

        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90),
            "the TOPdesk incident is completed after the contractor reported done");

        var facilityCase = Assert.Single(world.Dynamics.Cases);
        Assert.Equal(1, facilityCase.StateCode); // resolved through CloseIncident
        Assert.Single(world.WorkOrders());
        var trail = world.TopDesk.ActionsOf(incident.Id);
        Assert.Contains(trail, a => !a.InvisibleForCaller && a.PlainText.Contains("Monteur komt", StringComparison.Ordinal));
        Assert.Contains(world.Dynamics.NotesOn(facilityCase.Id), n => (n.NoteText ?? string.Empty).Contains("Akkoord", StringComparison.OrdinalIgnoreCase));

        var (exit, output) = await world.RunHubCommandAsync("trace", incident.Number, "--json");
        Assert.True(exit == 0, output);
        using var trace = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var systems = trace.RootElement.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("system").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "servicedesk", "facility", "contractor" }, systems);
    }

    [Fact]
    public async Task After_the_chain_settles_thirty_quiet_seconds_bring_no_write_to_any_system()
    {
        await using var world = new ChainWorld(log);
        var incident = Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();
        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90), "the round trip");
        await Task.Delay(TimeSpan.FromSeconds(5)); // let the last echoes be read and dropped

        world.TopDesk.ClearRequestLog();
        world.Dynamics.ClearRequestLog();
        var orders = world.WorkOrders().Count;
        await Task.Delay(TimeSpan.FromSeconds(30));

        var topDeskWrites = world.TopDesk.Requests.Where(r => r.Method is "POST" or "PATCH" or "PUT" or "DELETE").ToList();
        var dynamicsWrites = world.Dynamics.DataverseRequests.Where(r => r.Method is "POST" or "PATCH" or "PUT" or "DELETE").ToList();
        Assert.Empty(topDeskWrites);
        Assert.Empty(dynamicsWrites);
        Assert.Equal(orders, world.WorkOrders().Count);
        Assert.NotEmpty(world.TopDesk.Requests); // it kept polling all the while
    }
}
