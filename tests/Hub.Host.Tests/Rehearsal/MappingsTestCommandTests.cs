using System.Text.Json;
using Hub.Engine.Persistence;
using Hub.Host.Tests.Audit;

namespace Hub.Host.Tests.Rehearsal;

/// <summary>
/// `hub mappings test &lt;system&gt; &lt;record&gt;`: one real record read from the simulated TOPdesk or Dynamics 365, planned by
/// the engine's own intake and planner against the hub database, shown, and nothing written anywhere.
/// </summary>
public sealed class MappingsTestCommandTests : IAsyncLifetime
{
    private RehearsalWorld world = null!;

    public async Task InitializeAsync() => world = await RehearsalWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static JsonElement WriteTo(JsonElement report, string target) =>
        report.GetProperty("writes").EnumerateArray().Single(w => w.GetProperty("target").GetString() == target);

    private static JsonElement Field(JsonElement write, string field) =>
        write.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == field);

    [Fact]
    public async Task A_Sanitair_incident_shows_the_route_to_the_building_manager_the_plumber_and_translated_values_and_writes_nothing()
    {
        var incident = world.LogLeakingTap();
        var before = await world.RowCountsAsync();
        world.TopDesk.ClearRequestLog();
        world.Dynamics.ClearRequestLog();

        var report = Json(await world.RunAsync("mappings", "test", "servicedesk", incident.Number, "--format", "json"));

        Assert.Equal("Opened", report.GetProperty("outcome").GetString());
        Assert.Equal(incident.Id, report.GetProperty("record").GetString());
        var route = report.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "servicedesk-to-facility");
        Assert.True(route.GetProperty("takes").GetBoolean());
        Assert.Contains("category 'Facilitair'", route.GetProperty("why").GetString(), StringComparison.Ordinal);
        var status = report.GetProperty("canonical").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "status");
        Assert.Equal("Geregistreerd", status.GetProperty("sourceValue").GetString());
        Assert.Equal("New", status.GetProperty("canonical").GetString());

        var facility = WriteTo(report, "facility");
        Assert.Equal("create", facility.GetProperty("action").GetString());
        Assert.Equal("1", Field(facility, "priority").GetProperty("targetValue").GetString()); // Hoog → High → Dynamics 1
        Assert.Equal("1", Field(facility, "status").GetProperty("targetValue").GetString()); // Geregistreerd → New → Dynamics 1
        var contractor = WriteTo(report, "contractor");
        Assert.Equal("create", contractor.GetProperty("action").GetString());
        Assert.Equal("loodgieter <loodgieter@contractor.example>", contractor.GetProperty("contractor").GetString());
        Assert.Contains("UNMAPPED", Field(contractor, "status").GetProperty("note").GetString(), StringComparison.Ordinal); // the contractor's map has no New

        Assert.Equal(before, await world.RowCountsAsync());
        Assert.Empty(world.Writes());
        Assert.NotEmpty(world.TopDesk.Requests);
    }

    [Fact]
    public async Task The_table_names_the_routes_the_contractor_and_each_target_and_says_nothing_was_written()
    {
        var incident = world.LogLeakingTap();

        var result = await world.RunAsync("mappings", "test", "servicedesk", incident.Id);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Nothing was written.", result.Output, StringComparison.Ordinal);
        Assert.Contains("servicedesk -> facility", result.Output, StringComparison.Ordinal);
        Assert.Contains("facility: create", result.Output, StringComparison.Ordinal);
        Assert.Contains("contractor: create, contractor loodgieter <loodgieter@contractor.example>", result.Output, StringComparison.Ordinal);
        Assert.Empty(world.Writes());
    }

    [Fact]
    public async Task A_status_the_value_map_does_not_know_shows_as_parked_and_nothing_is_sent()
    {
        world.TopDesk.AddProcessingStatus("Wacht op bewoner");
        var incident = world.LogLeakingTap("Wacht op bewoner");
        var before = await world.RowCountsAsync();

        var report = Json(await world.RunAsync("mappings", "test", "servicedesk", incident.Number, "--format", "json"));

        Assert.Equal("Parked", report.GetProperty("outcome").GetString());
        Assert.Contains("Wacht op bewoner", report.GetProperty("parkedBecause").GetString(), StringComparison.Ordinal);
        var status = report.GetProperty("canonical").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "status");
        Assert.StartsWith("PARKED", status.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Empty(report.GetProperty("writes").EnumerateArray());
        Assert.Equal(before, await world.RowCountsAsync());
    }

    [Fact]
    public async Task A_record_already_linked_to_a_case_is_planned_as_a_change_of_that_case_not_as_a_new_chain()
    {
        var incident = world.LogLeakingTap();
        await using (var db = world.Database.Database.CreateContext())
        {
            db.Cases.Add(new CaseRecord { Id = "HUB-2026-000042", OriginSystem = "servicedesk", Title = "Kraan lekt", Category = "Facilitair", Subcategory = "Sanitair" });
            foreach (var (system, id, role) in new[] { ("servicedesk", incident.Id, "origin"), ("facility", Guid.NewGuid().ToString(), "facility"), ("contractor", "token-42", "contractor") })
            {
                db.Links.Add(new LinkRecord { CaseId = "HUB-2026-000042", SystemName = system, ExternalId = id, Role = role });
            }

            await db.SaveChangesAsync();
        }

        var before = await world.RowCountsAsync();

        var report = Json(await world.RunAsync("mappings", "test", "servicedesk", incident.Number, "--format", "json"));

        Assert.Equal("Updated", report.GetProperty("outcome").GetString());
        Assert.Equal("HUB-2026-000042", report.GetProperty("caseId").GetString());
        Assert.DoesNotContain(report.GetProperty("writes").EnumerateArray(), w => w.GetProperty("action").GetString() == "create");
        Assert.Equal("FieldsChanged", WriteTo(report, "facility").GetProperty("action").GetString());
        Assert.Equal(before, await world.RowCountsAsync());
    }

    [Fact]
    public async Task Without_a_hub_database_yet_the_dry_run_says_nothing_is_linked_and_creates_no_database()
    {
        await using var fresh = await RehearsalWorld.CreateAsync(withDatabase: false);
        var incident = fresh.LogLeakingTap();

        var report = Json(await fresh.RunAsync("mappings", "test", "servicedesk", incident.Number, "--format", "json"));

        Assert.Equal("Opened", report.GetProperty("outcome").GetString());
        Assert.Contains("nothing is linked yet", report.GetProperty("database").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(fresh.Database.FilePath), "the dry run created the hub database");
    }

    [Fact]
    public async Task A_record_the_system_does_not_have_exits_1_naming_the_system_and_the_record()
    {
        var result = await world.RunAsync("mappings", "test", "servicedesk", "I 2099 999");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("servicedesk has no record 'I 2099 999'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_mapping_directory_shows_what_the_edit_would_do_before_it_is_deployed()
    {
        var incident = world.LogLeakingTap();
        var edited = world.CopyShippedMappings("edited");
        var contractors = Path.Combine(edited, "contractors.json");
        File.WriteAllText(contractors, File.ReadAllText(contractors)
            .Replace("\"subcategories\": [ \"Sanitair\" ]", "\"subcategories\": [ ]", StringComparison.Ordinal)
            .Replace("\"subcategories\": [ \"Verwarming\" ]", "\"subcategories\": [ \"Verwarming\", \"Sanitair\" ]", StringComparison.Ordinal));

        var deployed = Json(await world.RunAsync("mappings", "test", "servicedesk", incident.Number, "--format", "json"));
        var tried = Json(await world.RunAsync("mappings", "test", "servicedesk", incident.Number, "--format", "json", "--mappings", edited));

        Assert.Equal("loodgieter <loodgieter@contractor.example>", WriteTo(deployed, "contractor").GetProperty("contractor").GetString());
        Assert.Equal("installateur <installateur@contractor.example>", WriteTo(tried, "contractor").GetProperty("contractor").GetString());
        Assert.Equal(edited, tried.GetProperty("mappingsDirectory").GetString());
        Assert.NotEqual(deployed.GetProperty("mappingVersion").GetString(), tried.GetProperty("mappingVersion").GetString());
    }

    [Fact]
    public async Task A_Dynamics_case_is_read_by_its_id_and_without_a_subcategory_no_contractor_is_picked()
    {
        var made = world.Dynamics.PersonCreatesCase("Deur klemt bij ingang");
        world.Dynamics.ClearRequestLog();

        var report = Json(await world.RunAsync("mappings", "test", "facility", made.Id.ToString(), "--format", "json"));

        Assert.Equal(made.TicketNumber, report.GetProperty("recordNumber").GetString());
        var route = report.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "facility-to-contractor");
        Assert.StartsWith("none: no contractor has subcategory", route.GetProperty("contractor").GetString(), StringComparison.Ordinal);
        Assert.Empty(report.GetProperty("writes").EnumerateArray());
        Assert.Contains(report.GetProperty("journal").EnumerateArray(), l => l.GetProperty("outcome").GetString() == "Parked");
        Assert.Empty(world.Writes());
    }

    [Fact]
    public async Task A_Dynamics_case_is_found_by_its_ticket_number_too()
    {
        var made = world.Dynamics.PersonCreatesCase("Lamp kapot in hal");

        var report = Json(await world.RunAsync("mappings", "test", "facility", made.TicketNumber, "--format", "json"));

        Assert.Equal(made.Id.ToString(), report.GetProperty("record").GetString());
    }

    [Fact]
    public async Task A_system_that_is_not_configured_or_that_starts_no_cases_exits_2()
    {
        var unknown = await world.RunAsync("mappings", "test", "helpdesk", "I 2026 001");
        var mailbox = await world.RunAsync("mappings", "test", "contractor", "some-token");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no system 'helpdesk'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, mailbox.ExitCode);
        Assert.Contains("contractor's mailbox", mailbox.Error, StringComparison.Ordinal);
    }
}
