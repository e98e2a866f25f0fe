using System.Net;
using System.Text.Json;

namespace Hub.Host.Tests.Audit;

public sealed class AuditApiTests : SeededChainHostTests
{
    private static readonly string[] ApiPaths =
    [
        "/api/cases?ref=I2026042",
        $"/api/cases/{ComplaintChain.CaseId}",
        $"/api/cases/{ComplaintChain.CaseId}/events",
        "/api/events",
        "/openapi/v1.json",
    ];

    public static TheoryData<string> Paths => [.. ApiPaths];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task When_no_key_is_sent_every_api_request_is_refused_with_a_problem(string path)
    {
        using var response = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, path, key: null));

        await AssertRefusedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task When_a_wrong_key_is_sent_every_api_request_is_refused_with_a_problem(string path)
    {
        using var response = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, path, key: AuditWebHost.ApiKey + "x"));

        await AssertRefusedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task When_the_right_key_is_sent_every_api_request_is_answered(string path)
    {
        using var response = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task When_an_auditor_looks_up_a_topdesk_number_the_case_is_found()
    {
        using var document = await GetJsonAsync("/api/cases?ref=" + Uri.EscapeDataString("I 2026 042"));

        var match = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(ComplaintChain.CaseId, match.GetProperty("caseId").GetString());
        Assert.Equal("servicedesk number", match.GetProperty("matchedBy").GetString());
    }

    [Fact]
    public async Task When_an_auditor_opens_a_case_its_links_and_time_at_each_organisation_are_given()
    {
        using var document = await GetJsonAsync($"/api/cases/{ComplaintChain.CaseId}");

        var root = document.RootElement;
        Assert.Equal(ComplaintChain.Title, root.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("currentRole").ValueKind);
        Assert.Equal([ComplaintChain.TopDeskNumber, ComplaintChain.DynamicsNumber, ComplaintChain.WorkOrderToken], root.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("number").GetString()));
        Assert.Equal([300L, 10_800L, 161_700L], root.GetProperty("stays").EnumerateArray().Select(s => s.GetProperty("waitedSeconds").GetInt64()));
    }

    [Fact]
    public async Task When_events_are_paged_each_page_holds_at_most_page_size_and_says_whether_more_follow()
    {
        using var first = await GetJsonAsync($"/api/cases/{ComplaintChain.CaseId}/events?page=1&pageSize=4");
        using var last = await GetJsonAsync($"/api/cases/{ComplaintChain.CaseId}/events?page=3&pageSize=4");

        Assert.True(first.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal(4, first.RootElement.GetProperty("items").GetArrayLength());
        Assert.False(last.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal(2, last.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task When_events_are_asked_for_a_time_range_only_entries_in_it_are_returned()
    {
        var since = Uri.EscapeDataString(ComplaintChain.ResolvedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        using var page = await GetJsonAsync($"/api/events?since={since}&pageSize=500");

        Assert.Equal(["Resolved", "Resolved", "Resolved"], page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("/api/events?pageSize=501")]
    [InlineData("/api/events?page=0")]
    [InlineData("/api/cases")]
    public async Task When_a_request_is_out_of_range_it_is_answered_400_with_a_problem(string path)
    {
        using var response = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task When_a_case_does_not_exist_it_is_answered_404_with_a_problem()
    {
        using var response = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, "/api/cases/HUB-2026-999999/events"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("HUB-2026-999999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_anyone_tries_to_write_through_the_api_no_endpoint_accepts_it_and_the_journal_is_unchanged()
    {
        HttpMethod[] writes = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];
        var before = await JournalCountAsync();

        foreach (var path in ApiPaths.Append("/api/cases/HUB-2026-000042/links").Append("/api/journal"))
        {
            foreach (var method in writes)
            {
                using var request = AuditWebHost.Request(method, path);
                request.Content = new StringContent("""{"status":"Closed"}""", System.Text.Encoding.UTF8, "application/json");
                using var response = await Host.Client.SendAsync(request);
                Assert.True(
                    response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                    $"{method} {path} answered {(int)response.StatusCode}");
            }
        }

        Assert.Equal(before, await JournalCountAsync());
    }

    [Fact]
    public async Task When_someone_without_a_key_tries_to_write_they_are_refused_before_anything_else()
    {
        using var request = AuditWebHost.Request(HttpMethod.Post, "/api/cases", key: null);
        request.Content = new StringContent("""{"id":"HUB-2026-000099"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await Host.Client.SendAsync(request);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public void When_no_address_is_configured_the_api_listens_on_loopback_only()
    {
        var empty = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        Assert.Equal(["http://127.0.0.1:5080"], Hub.Host.Configuration.ApiSettings.Urls(empty));
    }

    [Fact]
    public async Task When_the_openapi_document_is_read_it_describes_only_read_operations_and_the_key_they_need()
    {
        using var document = await GetJsonAsync("/openapi/v1.json");

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(["/api/cases", "/api/cases/{id}", "/api/cases/{id}/events", "/api/cases/{id}/journey", "/api/events"], paths.Keys.Order(StringComparer.Ordinal));
        Assert.All(paths.Values, operations => Assert.Equal(["get"], operations.EnumerateObject().Select(o => o.Name).Where(n => n != "parameters")));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("API key missing or wrong", problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain(AuditWebHost.ApiKey, problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<int> JournalCountAsync()
    {
        await using var db = Temp.Database.CreateContext();
        return db.Journal.Count();
    }
}
