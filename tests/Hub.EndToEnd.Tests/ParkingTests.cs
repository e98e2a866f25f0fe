using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class ParkingTests(ITestOutputHelper log)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task An_unknown_status_is_parked_and_delivered_once_the_mapping_knows_it()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        var values = Path.Combine(world.MappingsDirectory, "values.facility.json");
        var shipped = await File.ReadAllTextAsync(values);
        await File.WriteAllTextAsync(values, WithoutStatus(shipped, "2")); // the admin has not mapped "On Hold" yet
        var incident = Complaints.BlockedToilet(world.TopDesk);
        var hub = world.StartHub();
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(60), "the case at the building manager");
        var facilityCase = world.Dynamics.Cases[0];

        world.Dynamics.PersonChangesStatus(facilityCase.Id, stateCode: 0, statusCode: 2);
        await world.EventuallyAsync(() => hub.Output.Contains("status '2' of system 'facility' has no entry", StringComparison.Ordinal), TimeSpan.FromSeconds(30),
            "the change parked with its reason");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.NotEqual("Wachten op leverancier", world.TopDesk.Incident(incident.Id).ProcessingStatus?.Name);

        await File.WriteAllTextAsync(values, shipped); // the admin fixes the mapping; no restart

        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).ProcessingStatus?.Name == "Wachten op leverancier", TimeSpan.FromSeconds(60),
            "the parked status delivered to TOPdesk after the mapping was fixed");
    }

    private static string WithoutStatus(string json, string systemValue)
    {
        var document = JsonNode.Parse(json)!;
        foreach (var map in document["valueMaps"]!.AsArray())
        {
            if (map!["field"]!.GetValue<string>() == "status")
            {
                var entries = map["values"]!.AsArray();
                foreach (var entry in entries.Where(e => e!["value"]!.GetValue<string>() == systemValue).ToList())
                {
                    entries.Remove(entry);
                }
            }
        }

        return document.ToJsonString(Indented);
    }
}
