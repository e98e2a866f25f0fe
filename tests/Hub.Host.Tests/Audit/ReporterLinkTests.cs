using System.Net;
using System.Text.Json;
using Hub.Host.Audit;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Hub.Host.Tests.Audit;

/// <summary>The reporter's link: made by `hub link`, read without an API key, milestones only, and dead after its expiry.</summary>
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class ReporterLinkTests(ITestOutputHelper log) : SeededJourneyHostTests
{
    // What the journal and the case hold that a reporter must not read: staff, the contractor, notes, codes, bookkeeping.
    private static readonly string[] Internal =
    [
        JourneyChain.Plumber, "Jan de Vries", "Loodgieter", JourneyChain.ContractorName, JourneyChain.InternalNote, "Eva Jansen", "Toilet verstopt",
        JourneyChain.DynamicsNumber, JourneyChain.WorkOrder, JourneyChain.CaseId, "Researching", "status →", "SkippedAsEcho", "internal note",
    ];

    [Fact]
    public async Task When_the_service_desk_makes_a_link_the_reporter_reads_the_milestones_and_nothing_internal()
    {
        var link = await MakeLinkAsync("--days", "2");

        using var response = await Host.Client.GetAsync(link);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uw melding I 2612 001", html, StringComparison.Ordinal);
        foreach (var milestone in new[]
                 {
                     "Doorgestuurd naar de gebouwbeheerder", "Werkopdracht verstuurd naar een vakman", "De vakman heeft de opdracht aangenomen",
                     "Monteur komt donderdag 03-12 tussen 08:00 en 11:00",
                 })
        {
            Assert.Contains(milestone, html, StringComparison.Ordinal);
        }

        Assert.All(Internal, secret => Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("default-src 'none'; style-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
    }

    [Fact]
    public async Task The_reporters_page_renders_in_a_browser_at_phone_width_with_the_milestones_only()
    {
        var link = await MakeLinkAsync();

        await using var page = await ChromiumPage.OpenAsync(link, 390, 844);
        await page.WaitUntilAsync("document.body.dataset.state === 'journey'");

        Assert.Equal(["Forwarded", "WorkOrderSent", "Accepted", "Appointment"],
            await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#milestones li')].map(li => li.dataset.milestone)"));
        var text = await page.EvaluateAsync<string>("document.body.innerText");
        Assert.All(Internal, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways");
        var file = Path.Combine(ScreenshotFolder, "reporter-page-phone-390x844.png");
        await page.ScreenshotAsync(file);
        log.WriteLine($"screenshot: {file}");
    }

    [Fact]
    public async Task When_the_link_has_expired_it_answers_gone_with_a_page_that_says_so_and_nothing_of_the_complaint()
    {
        var link = await MakeLinkAsync("--days", "1");
        using (var before = await Host.Client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Clock.SetUtcNow(TimeProvider.System.GetUtcNow().AddDays(1).AddMinutes(1));
        using var after = await Host.Client.GetAsync(link);
        var html = await after.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.Contains("Deze link is verlopen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("I 2612 001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("milestone", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mac")]
    [InlineData("case")]
    [InlineData("expiry")]
    [InlineData("garbage")]
    public async Task When_the_link_is_tampered_with_it_answers_not_found_and_says_nothing_more(string part)
    {
        var link = await MakeLinkAsync();
        var token = link.Segments[^1];
        var (payload, mac) = (token.Split('.')[0], token.Split('.')[1]);
        var forged = part switch
        {
            "mac" => $"{payload}.{Flip(mac)}",
            "case" => $"{System.Buffers.Text.Base64Url.EncodeToString("HUB-2026-000102|4102444800"u8)}.{mac}",
            "expiry" => $"{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"{JourneyChain.CaseId}|4102444800"))}.{mac}",
            _ => "not-a-token",
        };

        using var response = await Host.Client.GetAsync(new Uri($"/journey/{forged}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Deze link werkt niet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("I 2612 001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("verlopen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_reporter_links_are_off_even_a_well_made_link_answers_not_found()
    {
        var key = Convert.FromBase64String(await File.ReadAllTextAsync(Path.Combine(Temp.Directory, LinkKeyFile)));
        var token = new ReporterLinkToken(key).Issue(JourneyChain.CaseId, Now.AddDays(1));
        await using var off = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory,
            new Dictionary<string, string?> { ["Hub:Api:ApiKeyHashes:0"] = ApiKeyHash.Of(AuditWebHost.ApiKey) }, Clock);

        using var response = await off.Client.GetAsync(new Uri($"/journey/{token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(new ApiOptions().ReporterLinks.Enabled);
    }

    [Fact]
    public async Task When_links_are_off_hub_link_refuses_and_names_the_setting()
    {
        var result = await HubCliRun.RunWithConfigAsync(Config(enabled: false), "link", JourneyChain.CaseId);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("Hub:Api:ReporterLinks:Enabled: reporter links are off", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Hub:Api:ReporterLinks:KeyFile: reporter links are on (Hub:Api:ReporterLinks:Enabled) and need a key file")]
    [InlineData("missing.key", "Hub:Api:ReporterLinks:KeyFile: no key file at")]
    [InlineData("short.key", "Hub:Api:ReporterLinks:KeyFile: the key in")]
    public async Task When_links_are_on_without_a_good_key_the_hub_refuses_to_start_and_names_the_key(string? keyFile, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(Temp.Directory, "short.key"), Convert.ToBase64String(new byte[16]));
        var settings = new Dictionary<string, string?> { ["Hub:Api:ReporterLinks:Enabled"] = "true", ["Hub:Api:ReporterLinks:KeyFile"] = keyFile };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => AuditWebHost.StartAsync(Temp.Database, Temp.Directory, settings));
        var cli = await HubCliRun.RunWithConfigAsync(Config(enabled: true, keyFile: keyFile), "link", JourneyChain.CaseId);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_key_appears_in_no_output_the_link_health_or_journey_answers()
    {
        var key = (await File.ReadAllTextAsync(Path.Combine(Temp.Directory, LinkKeyFile))).Trim();
        var made = await HubCliRun.RunWithConfigAsync(Config(enabled: true), "link", JourneyChain.TopDeskNumber);
        using var health = await Host.Client.GetAsync(new Uri("/health", UriKind.Relative));
        using var journey = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, $"/api/cases/{JourneyChain.CaseId}/journey"));

        Assert.Equal(0, made.ExitCode);
        foreach (var text in new[] { made.Output, made.Error, await health.Content.ReadAsStringAsync(), await journey.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_journey_api_needs_the_api_key_and_names_milestones_in_words()
    {
        using var without = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, $"/api/cases/{JourneyChain.CaseId}/journey", key: null));
        using var with = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, $"/api/cases/{JourneyChain.CaseId}/journey"));
        using var missing = await Host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, "/api/cases/HUB-2026-999999/journey"));

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var json = JsonDocument.Parse(await with.Content.ReadAsStringAsync());
        Assert.Equal(["Forwarded", "WorkOrderSent", "Accepted", "Appointment"],
            json.RootElement.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("milestone").GetString()));
        Assert.Equal(JourneyChain.ContractorName, json.RootElement.GetProperty("now").GetProperty("party").GetString());
    }

    private async Task<Uri> MakeLinkAsync(params string[] options)
    {
        var result = await HubCliRun.RunWithConfigAsync(Config(enabled: true), ["link", JourneyChain.TopDeskNumber, .. options]);
        Assert.True(result.ExitCode == 0, result.Error);
        var link = new Uri(result.Output.Trim());
        Assert.StartsWith(new Uri(Host.Address, "/journey/").AbsoluteUri, link.AbsoluteUri, StringComparison.Ordinal);
        return link;
    }

    /// <summary>The appsettings.json `hub link` is pointed at: the temp database, the host's address, the reporter-link settings.</summary>
    private string Config(bool enabled, string? keyFile = LinkKeyFile)
    {
        var file = Path.Combine(Temp.Directory, "appsettings.json");
        var hub = new
        {
            Database = new { Provider = "Sqlite", ConnectionString = "Data Source=hub.db" },
            Api = new { Urls = Host.Address.AbsoluteUri.TrimEnd('/'), ReporterLinks = new { Enabled = enabled, KeyFile = keyFile } },
        };
        File.WriteAllText(file, JsonSerializer.Serialize(new { Hub = hub }));
        return file;
    }

    private static string Flip(string text) => (text[0] == 'A' ? "B" : "A") + text[1..];
}
