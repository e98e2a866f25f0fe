using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>The whole chain with ServiceNow in either role, the real `hub` executable between the simulated organisations.</summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class ServiceNowChainTests(ITestOutputHelper log)
{
    [Fact]
    public async Task When_an_employee_reports_a_blocked_toilet_in_servicenow_the_chain_runs_down_through_dynamics_and_every_answer_comes_back_as_comments()
    {
        await using var world = new ServiceNowChainWorld(log, serviceNowIsServiceDesk: true);
        var incident = world.ServiceNow.OpenIncident(new Dictionary<string, string>
        {
            ["short_description"] = "Blocked toilet, 2nd floor",
            ["description"] = "The toilet by the lift is blocked and nearly overflowing.",
            ["category"] = "facilities",
            ["subcategory"] = "plumbing",
            ["caller_id"] = world.ServiceNow.UserId("abel.tuter"),
            ["impact"] = "2",
            ["urgency"] = "2",
        });
        world.StartHub();

        await world.EventuallyAsync(() => world.ServiceNow.Incident(incident.SysId).State == "6", TimeSpan.FromSeconds(90),
            "the ServiceNow incident is resolved after the contractor reported done");

        var resolved = world.ServiceNow.Incident(incident.SysId);
        Assert.Equal("Solved (Permanently)", resolved.CloseCode);
        Assert.False(string.IsNullOrWhiteSpace(resolved.CloseNotes));
        Assert.Equal("svc.hub", resolved.UpdatedBy);
        var facilityCase = Assert.Single(world.Dynamics!.Cases);
        Assert.Equal(1, facilityCase.StateCode);
        Assert.Single(world.WorkOrders());
        var journal = world.ServiceNow.JournalOf(incident.SysId);
        Assert.Contains(journal, j => j.Element == "comments" && j.CreatedBy == "svc.hub");

        var (exit, output) = await world.RunHubCommandAsync("trace", incident.Number, "--json");
        Assert.True(exit == 0, output);
        Assert.Contains("\"facility\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_tenant_reports_in_topdesk_the_building_managers_servicenow_gets_one_incident_and_its_resolve_reaches_topdesk()
    {
        await using var world = new ServiceNowChainWorld(log, serviceNowIsServiceDesk: false);
        var complaint = Complaints.BlockedToilet(world.TopDesk!);
        world.StartHub();

        await world.EventuallyAsync(() => world.TopDesk!.Incident(complaint.Id).Completed, TimeSpan.FromSeconds(90),
            "the TOPdesk incident is completed after the building manager's ServiceNow incident was resolved");

        var incident = Assert.Single(world.ServiceNow.Incidents);
        Assert.Equal("6", incident.State);
        Assert.Equal("Hub", incident.CorrelationDisplay);
        Assert.False(string.IsNullOrEmpty(incident.CorrelationId));
        Assert.Equal(world.ServiceNow.GroupId("Facilities"), incident.AssignmentGroup);
        Assert.Equal("facilities", incident.Category);
        Assert.Single(world.WorkOrders());
        Assert.Contains(world.TopDesk!.ActionsOf(complaint.Id), a => !a.InvisibleForCaller);
    }

    [Fact]
    public async Task Hub_check_passes_every_line_of_a_ready_servicenow_instance_and_shows_no_secret()
    {
        await using var world = new ServiceNowChainWorld(log, serviceNowIsServiceDesk: false);
        world.WriteConfiguration();

        var (exit, output) = await world.RunHubCommandAsync("check");

        log.WriteLine(output);
        Assert.True(exit == 0, output);
        foreach (var line in new[] { "signed in:", "time zone:", "incidents:", "comments and work notes:", "assignment groups:", "mapped status values" })
        {
            Assert.Contains($"PASS  facility  {line}", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.DoesNotContain(world.ServiceNow.Options.Password, output, StringComparison.Ordinal);
    }
}
