using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// What went wrong while reading a system is in the journal an auditor queries with `hub log --system`: an incident
/// the hub could not read (once), and a streak of refused polls (once when it began, once when it ended).
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class JournaledTroubleTests(ITestOutputHelper log)
{
    private static async Task<List<JsonElement>> ServiceDeskLogAsync(ChainWorld world)
    {
        var (exit, output) = await world.RunHubCommandAsync("log", "--system", "servicedesk", "--format", "json");
        Assert.True(exit == 0, output);
        return [.. output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    private static string Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    [Fact]
    public async Task An_incident_the_hub_cannot_read_is_journaled_once_and_the_other_incidents_reach_the_building_manager()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        var incidents = Enumerable.Range(1, 3).Select(n => Complaints.BlockedToilet(world.TopDesk, n)).ToList();
        world.TopDesk.ServeFieldAsRawJson(incidents[1].Id, "priority", "5"); // a search-list value that should be {"id", "name"}
        world.StartHub();

        await world.EventuallyAsync(() => world.Dynamics.Cases.Count >= 2, TimeSpan.FromSeconds(60), "incidents 1 and 3 at the building manager");
        await Task.Delay(TimeSpan.FromSeconds(5)); // several more polls read the unreadable incident again
        var entries = await ServiceDeskLogAsync(world);

        Assert.Equal(2, world.Dynamics.Cases.Count);
        var setAside = Assert.Single(entries, e => Text(e, "outcome") == "Quarantined");
        Assert.Equal("Unreadable", Text(setAside, "kind"));
        Assert.Equal(incidents[1].Number, Text(setAside, "sourceRecord"));
        Assert.Contains("priority", Text(setAside, "error"), StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => Text(e, "kind") == "PollFailing");
    }

    [Fact]
    public async Task While_TOPdesk_refuses_the_password_one_failing_entry_is_journaled_and_one_recovery_when_it_accepts_it_again()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.TopDesk.FailNextRequests(6, statusCode: 401, message: "No authentication token provided or the credentials are not valid.");
        world.StartHub();
        await world.EventuallyAsync(() => world.TopDesk.Requests.Count(r => r.Status == 401) >= 6, TimeSpan.FromSeconds(60), "six refused requests");
        Complaints.BlockedToilet(world.TopDesk);

        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(60), "the complaint at the building manager after the password works again");
        var entries = await ServiceDeskLogAsync(world);

        var failing = Assert.Single(entries, e => Text(e, "kind") == "PollFailing");
        Assert.Equal("Failed", Text(failing, "outcome"));
        Assert.Contains("401", Text(failing, "error"), StringComparison.Ordinal);
        var recovered = Assert.Single(entries, e => Text(e, "kind") == "PollRecovered");
        Assert.Contains("failed poll", Text(recovered, "detail"), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain(world.TopDesk.ApplicationPassword, e.GetRawText(), StringComparison.Ordinal));
    }
}
