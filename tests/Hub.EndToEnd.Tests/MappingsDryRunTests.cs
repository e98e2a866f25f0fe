using System.Text.Json;
using Hub.Simulators.TopDesk;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>`hub mappings test` as an admin runs it: the real executable, the simulated systems, then the hub itself.</summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class MappingsDryRunTests(ITestOutputHelper log)
{
    [Fact]
    public async Task The_dry_run_writes_nothing_and_predicts_what_the_running_hub_then_writes_down_the_chain()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        var incident = world.TopDesk.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = "Kraan lekt in de pantry",
            Request = "De kraan blijft druppelen.",
            Category = "Facilitair",
            Subcategory = "Sanitair",
            Priority = "Hoog",
            CallerName = "Eva Jansen",
        });
        world.WriteConfiguration();

        var (exit, output) = await world.RunHubCommandAsync("mappings", "test", "servicedesk", incident.Number, "--format", "json");

        Assert.True(exit == 0, output);
        using var dryRun = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var writes = dryRun.RootElement.GetProperty("writes").EnumerateArray().ToDictionary(w => w.GetProperty("target").GetString()!);
        var predictedPriority = writes["facility"].GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("field").GetString() == "priority").GetProperty("targetValue").GetString()!;
        Assert.Equal("1", predictedPriority);
        Assert.Equal("loodgieter <loodgieter@contractor.example>", writes["contractor"].GetProperty("contractor").GetString());
        Assert.DoesNotContain(world.TopDesk.Requests, r => r.Method != "GET");
        Assert.Empty(world.Dynamics.Cases);
        Assert.Empty(world.WorkOrders());
        Assert.False(File.Exists(world.DatabaseFile), "the dry run created the hub database");

        world.StartHub();
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1 && world.WorkOrders().Count == 1, TimeSpan.FromSeconds(60),
            "the hub created the Dynamics case and sent the work order");

        Assert.Equal(int.Parse(predictedPriority, System.Globalization.CultureInfo.InvariantCulture), world.Dynamics.Cases[0].PriorityCode);
        Assert.Contains("loodgieter@contractor.example", await File.ReadAllTextAsync(world.WorkOrders()[0]), StringComparison.Ordinal);
    }
}
