using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Simulators.TopDesk;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>The simulated TOPdesk answers raw HTTP the way the reference material says the real one does.</summary>
public sealed class TopDeskSimulatorTests : IDisposable
{
    private readonly TopDeskSimulator simulator = new();
    private readonly HttpClient http;

    public TopDeskSimulatorTests()
    {
        http = new HttpClient { BaseAddress = new Uri(simulator.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{simulator.Username}:{simulator.ApplicationPassword}")));
    }

    private SimulatedIncident Logged() => simulator.LogIncident(new SimulatedIncidentDraft
    {
        BriefDescription = "Kraan lekt",
        Category = "Facilitair",
        Subcategory = "Sanitair",
        TargetDate = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
    });

    private Task<HttpResponseMessage> Patch(string id, string json) =>
        http.PatchAsync(new Uri($"/tas/api/incidents/id/{id}", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task An_incident_has_every_key_nested_references_an_action_url_and_TOPdesk_dates()
    {
        var incident = Logged();

        var json = JsonNode.Parse(await http.GetStringAsync(new Uri($"/tas/api/incidents/id/{incident.Id}", UriKind.Relative)))!.AsObject();

        Assert.True(json.ContainsKey("supplier") && json["supplier"] is null);
        Assert.Equal("Sanitair", json["subcategory"]?["name"]?.GetValue<string>());
        Assert.Equal($"/tas/api/incidents/id/{incident.Id}/actions", json["action"]?.GetValue<string>());
        Assert.Equal("2026-11-24T12:00:00.000+0000", json["targetDate"]?.GetValue<string>());
        Assert.EndsWith(".000+0000", json["modificationDate"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_selection_is_a_204_without_a_body()
    {
        var response = await http.GetAsync(new Uri("/tas/api/incidents?query=externalNumber==%22none%22", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_list_asked_with_iso8601_and_fields_gives_only_those_fields_in_ISO_dates()
    {
        Logged();

        var json = JsonNode.Parse(await http.GetStringAsync(new Uri("/tas/api/incidents?fields=id,modificationDate&dateFormat=iso8601", UriKind.Relative)))!.AsArray();

        var only = Assert.Single(json)!.AsObject();
        Assert.Equal(["id", "modificationDate"], only.Select(p => p.Key));
        Assert.EndsWith("Z", only["modificationDate"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_sorts_on_several_fields_in_turn_each_ascending_or_descending()
    {
        var logged = Enumerable.Range(0, 6).Select(_ => Logged()).ToList();

        var ascending = JsonNode.Parse(await http.GetStringAsync(new Uri("/tas/api/incidents?fields=id&sort=modificationDate:asc,id:asc", UriKind.Relative)))!.AsArray();
        var descending = JsonNode.Parse(await http.GetStringAsync(new Uri("/tas/api/incidents?fields=id&sort=modificationDate:asc,id:desc", UriKind.Relative)))!.AsArray();

        var byId = logged.OrderBy(i => i.ModificationDate).ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Id).ToList();
        var byIdDown = logged.OrderBy(i => i.ModificationDate).ThenByDescending(i => i.Id, StringComparer.Ordinal).Select(i => i.Id).ToList();
        Assert.Equal(byId, ascending.Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(byIdDown, descending.Select(n => n!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("action:asc")]
    [InlineData("modificationDate:up")]
    public async Task A_sort_TOPdesk_does_not_allow_is_a_400(string sort)
    {
        Logged();

        var response = await http.GetAsync(new Uri("/tas/api/incidents?sort=" + Uri.EscapeDataString(sort), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("modificationDate=ge=gisteren")]
    [InlineData("color==blue")]
    [InlineData("briefDescription==two words")]
    public async Task A_query_TOPdesk_cannot_parse_is_a_400(string query)
    {
        var response = await http.GetAsync(new Uri("/tas/api/incidents?query=" + Uri.EscapeDataString(query), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Error parsing query", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_the_right_password_is_a_401()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(simulator.Url) };

        var response = await anonymous.GetAsync(new Uri("/tas/api/operators/current", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"colour":"red"}""", 400, "Unknown field: colour")]
    [InlineData("""{"category":{"id":"x","name":"ICT"}}""", 400, "both an id and a name")]
    [InlineData("""{"processingStatus":{"id":"00000000-0000-0000-0000-000000000000"}}""", 404, "not existing in the database")]
    [InlineData("""{"status":"secondLine"}""", 400, "use /escalate")]
    public async Task A_change_TOPdesk_refuses_changes_nothing(string body, int status, string said)
    {
        var incident = Logged();
        var before = incident.ModificationDate;

        var response = await Patch(incident.Id, body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(said, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, simulator.Incident(incident.Id).ModificationDate);
    }

    [Fact]
    public async Task A_change_that_is_not_JSON_in_UTF_8_is_refused()
    {
        var incident = Logged();

        var response = await http.PatchAsync(new Uri($"/tas/api/incidents/id/{incident.Id}", UriKind.Relative),
            new StringContent("""{"briefDescription":"x"}""", Encoding.Latin1, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Kraan lekt", simulator.Incident(incident.Id).BriefDescription);
    }

    [Fact]
    public async Task A_subcategory_outside_its_category_is_refused()
    {
        var incident = Logged();

        var response = await Patch(incident.Id, """{"category":{"name":"ICT"},"subcategory":{"name":"Sanitair"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sanitair", simulator.Incident(incident.Id).Subcategory?.Name);
    }

    [Fact]
    public async Task Operator_groups_page_with_206_and_refuse_bad_paging_in_the_errors_shape()
    {
        var first = await http.GetAsync(new Uri("/tas/api/operatorgroups?start=0&page_size=2", UriKind.Relative));
        var wrong = await http.GetAsync(new Uri("/tas/api/operatorgroups?page_size=500", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PartialContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("page_size", errors["appliesTo"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Throttling_answers_429_with_Retry_After()
    {
        simulator.ThrottleNextRequests(1, TimeSpan.FromSeconds(12));

        var response = await http.GetAsync(new Uri("/tas/api/version", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(12), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public void The_settings_for_a_system_point_the_hub_at_this_simulator()
    {
        var settings = simulator.SettingsFor("servicedesk");

        Assert.Equal(simulator.Url, settings["Hub:Systems:servicedesk:BaseUrl"]);
        Assert.Equal("TopDesk", settings["Hub:Systems:servicedesk:Adapter"]);
    }

    public void Dispose()
    {
        http.Dispose();
        simulator.Dispose();
    }
}
