using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The chain TOPdesk → TOPdesk → contractor: the tenant's service desk and the building manager both run TOPdesk, each
/// with its own login, operators and search lists, on the shipped example mappings (mappings/examples/topdesk-topdesk).
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class TopDeskOnBothSidesTests(ITestOutputHelper log)
{
    [Fact]
    public async Task When_the_building_manager_runs_TOPdesk_too_the_complaint_goes_down_both_and_every_answer_comes_back_up()
    {
        await using var world = new ChainWorld(log, facilityOnTopDesk: true);
        var facility = world.FacilityTopDesk!;
        world.WriteConfiguration();
        var (checkExit, check) = await world.RunHubCommandAsync("check");
        Assert.True(checkExit == 0, check);
        Assert.Contains("PASS  facility  signed in: as operator Koppeling huurder (koppeling-huurder)", check, StringComparison.Ordinal);
        Assert.Contains("PASS  facility  operator groups: Meldpunt gebouwbeheer exist", check, StringComparison.Ordinal);
        Assert.Contains("PASS  facility  mapped subcategory values:", check, StringComparison.Ordinal);
        Assert.Contains("PASS  servicedesk  mapped status values:", check, StringComparison.Ordinal);

        var incident = Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();

        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90),
            "the service desk's incident is completed after the contractor reported done");

        // down: one incident at the building manager, in its own words and its own operator group
        var order = Assert.Single(facility.Incidents);
        Assert.Equal("Gebouwbeheer", order.Category?.Name);
        Assert.Equal("Loodgieterswerk", order.Subcategory?.Name);
        Assert.Equal("Meldpunt gebouwbeheer", order.OperatorGroup?.Name);
        Assert.Equal("Koppeling huurder", order.Creator.Name);
        Assert.False(string.IsNullOrEmpty(order.ExternalNumber));
        Assert.Contains("Toilet verstopt", order.BriefDescription, StringComparison.Ordinal);
        Assert.Single(world.WorkOrders());

        // up: status, appointment and close at the building manager (its words) and at the service desk (its words)
        Assert.True(order.Completed);
        Assert.Equal("Opgelost", order.ProcessingStatus?.Name);
        Assert.Equal("Gereed", world.TopDesk.Incident(incident.Id).ProcessingStatus?.Name);
        Assert.Contains(facility.ActionsOf(order.Id), a => a.PlainText.Contains("Monteur komt", StringComparison.Ordinal));
        Assert.Contains(world.TopDesk.ActionsOf(incident.Id), a => !a.InvisibleForCaller && a.PlainText.Contains("Monteur komt", StringComparison.Ordinal));

        // comments both ways between the two TOPdesks, each read once, none sent back where it came from
        facility.AddAction(order.Id, "De sleutel van de schacht ligt bij de receptie.");
        world.TopDesk.AddAction(incident.Id, "Graag eerst melden bij de balie.");
        await world.EventuallyAsync(() => world.TopDesk.ActionsOf(incident.Id).Any(a => a.PlainText.Contains("sleutel van de schacht", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the building manager's comment reaches the service desk");
        await world.EventuallyAsync(() => facility.ActionsOf(order.Id).Any(a => a.PlainText.Contains("melden bij de balie", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the service desk's comment reaches the building manager");
        await Task.Delay(TimeSpan.FromSeconds(5)); // let the echoes be read and dropped
        Assert.Single(world.TopDesk.ActionsOf(incident.Id), a => a.PlainText.Contains("sleutel van de schacht", StringComparison.Ordinal));
        Assert.Single(facility.ActionsOf(order.Id), a => a.PlainText.Contains("melden bij de balie", StringComparison.Ordinal));
        Assert.Single(world.TopDesk.ActionsOf(incident.Id), a => a.PlainText.Contains("Graag eerst melden", StringComparison.Ordinal));
        Assert.Single(facility.ActionsOf(order.Id), a => a.PlainText.Contains("De sleutel van de schacht", StringComparison.Ordinal));

        var (exit, output) = await world.RunHubCommandAsync("trace", order.Number, "--json");
        Assert.True(exit == 0, output);
        using var trace = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var links = trace.RootElement.GetProperty("links").EnumerateArray()
            .ToDictionary(l => l.GetProperty("system").GetString()!, l => l.GetProperty("number").GetString());
        Assert.Equal(incident.Number, links["servicedesk"]);
        Assert.Equal(order.Number, links["facility"]);
        Assert.True(links.ContainsKey("contractor"));
    }

    [Fact]
    public async Task A_hub_with_no_Dynamics_and_no_ServiceNow_system_loads_neither_their_adapters_nor_MSAL()
    {
        // What /proc/<pid>/maps of the real `hub run` holds (as Hub.Host.Tests' LoadedAssembliesTests reads it): the
        // adapters no system names are not registered (ShippedAdapters), and the contractor on pickup folders does not
        // load the mail server's OAuth sign-in (docs/performance/load-less-2.md).
        await using var world = new ChainWorld(log, facilityOnTopDesk: true);
        var facility = world.FacilityTopDesk!;
        Complaints.BlockedToilet(world.TopDesk);
        var hub = world.StartHub(); // stopped with the world

        await world.EventuallyAsync(() => facility.Incidents.Count > 0 && world.WorkOrders().Count > 0, TimeSpan.FromSeconds(90),
            "the complaint reaches the building manager's TOPdesk and the contractor");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more polls of all three systems
        var mapped = await hub.MappedAssembliesAsync();

        Assert.Contains("Hub.Adapters.TopDesk.dll", mapped); // the listing is real: the adapters in use are there
        Assert.Contains("Hub.Adapters.Email.dll", mapped);
        Assert.All(
            ["Hub.Adapters.Dynamics.dll", "Hub.Adapters.ServiceNow.dll", "Microsoft.Identity.Client.dll", "Microsoft.IdentityModel.Abstractions.dll"],
            name => Assert.DoesNotContain(name, mapped));
    }
}
