using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

[Collection(RunsAlone.Name)]
public sealed class WebhookAndHealthTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A_signed_webhook_polls_at_once_and_an_unsigned_one_is_refused()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await world.EventuallyAsync(() => world.TopDesk.Requests.Any(r => r.Path.Contains("/incidents", StringComparison.Ordinal)), TimeSpan.FromSeconds(60),
            "the first poll of the service desk at start");
        var incident = Complaints.BlockedToilet(world.TopDesk);

        using var unsigned = await http.PostAsync(new Uri("hooks/servicedesk", UriKind.Relative), new StringContent("{}"));
        using var wrongSecret = new HttpRequestMessage(HttpMethod.Post, "hooks/servicedesk") { Content = new StringContent("{}") };
        wrongSecret.Headers.Add("X-Hub-Secret", "guess");
        using var refused = await http.SendAsync(wrongSecret);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(world.Dynamics.Cases); // the hourly poll has not come round, and nothing else polled

        const string body = """{"incident":"changed"}""";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ChainWorld.WebhookSecret), Encoding.UTF8.GetBytes(body)));
        using var signed = new HttpRequestMessage(HttpMethod.Post, "hooks/servicedesk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        signed.Headers.Add("X-Hub-Signature-256", signature);
        using var accepted = await http.SendAsync(signed);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(20), $"the case for {incident.Number} after the webhook");
    }

    [Fact]
    public async Task Health_and_status_show_a_system_that_cannot_be_reached()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.TopDesk.MakeUnavailable();
        world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };

        JsonElement servicedesk = default;
        var status = HttpStatusCode.OK;
        await world.EventuallyAsync(() =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "health");
                request.Headers.Add("X-Api-Key", ChainWorld.ApiKey);
                using var response = http.SendAsync(request).GetAwaiter().GetResult();
                status = response.StatusCode;
                var json = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                servicedesk = JsonDocument.Parse(json).RootElement.GetProperty("checks").GetProperty("systems").GetProperty("data").GetProperty("servicedesk").Clone();
                return servicedesk.GetProperty("lastError").ValueKind == JsonValueKind.String;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "/health naming the service desk's last error");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status); // a stalled system makes the hub unhealthy for monitoring
        var lastError = servicedesk.GetProperty("lastError").GetString();
        Assert.False(string.IsNullOrWhiteSpace(lastError));

        using var probe = await http.GetAsync(new Uri("health", UriKind.Relative)); // a load balancer, no key
        var probed = await probe.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.StatusCode);
        Assert.Equal("Unhealthy", JsonDocument.Parse(probed).RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("checks", probed, StringComparison.Ordinal);
        Assert.DoesNotContain(lastError!, probed, StringComparison.Ordinal);
        Assert.DoesNotContain("servicedesk", probed, StringComparison.Ordinal);
        Assert.DoesNotContain(world.TopDesk.Username, probed, StringComparison.Ordinal);
        Assert.DoesNotContain(world.ApiUrl.Host, probed, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, servicedesk.GetProperty("lastSuccessfulPollAt").ValueKind);
        var (exit, output) = await world.RunHubCommandAsync("status");
        Assert.Equal(1, exit); // a system in trouble makes 'hub status' fail, for scripts and monitoring
        Assert.Contains("servicedesk", output, StringComparison.Ordinal);
    }
}
