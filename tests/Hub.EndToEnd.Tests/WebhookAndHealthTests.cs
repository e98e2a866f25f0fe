using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class WebhookAndHealthTests(ITestOutputHelper log)
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_signed_webhook_polls_at_once_and_neither_an_unsigned_call_nor_a_replay_of_the_signed_one_is_taken()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await ServiceDeskPolls.FirstPollAsync(world);
        var incident = Complaints.BlockedToilet(world.TopDesk);

        using var unsigned = await http.PostAsync(new Uri("hooks/servicedesk", UriKind.Relative), new StringContent("{}"));
        using var wrongSecret = new HttpRequestMessage(HttpMethod.Post, "hooks/servicedesk") { Content = new StringContent("{}") };
        wrongSecret.Headers.Add("X-Hub-Secret", "guess");
        using var refused = await http.SendAsync(wrongSecret);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(world.Dynamics.Cases); // the hourly poll has not come round, and nothing else polled

        var body = WebhookCall.NewBody();
        var signedAt = TimeProvider.System.GetUtcNow();
        using var signed = WebhookCall.Signed(world.ApiUrl, "servicedesk", ChainWorld.WebhookSecret, signedAt, body);
        using var accepted = await http.SendAsync(signed);
        using var replay = WebhookCall.Signed(world.ApiUrl, "servicedesk", ChainWorld.WebhookSecret, signedAt, body); // the captured call, sent again
        using var replayed = await http.SendAsync(replay);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("received before", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(20), $"the case for {incident.Number} after the webhook");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_at_once_without_waiting_for_it()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        var hub = world.StartHub();
        await world.WaitUntilListeningAsync();

        // 100 KB announced (over the 64 KiB limit), asking to be told before sending it, as curl does for a large body
        var announced = await AnnounceAsync(world, [("Content-Length", "100000"), ("Expect", "100-continue")], body: []);
        // the same announced without asking, and only the first few bytes sent
        var started = await AnnounceAsync(world, [("Content-Length", "100000")], body: "{\"incident\""u8.ToArray());
        // a chunked body with no length: 80 KiB sent, and the sender never says it is done
        var chunked = await SendEndlessChunkedAsync(world);

        Assert.Equal(413, announced.Status);
        Assert.Empty(announced.Interim); // no "100 Continue": the hub did not ask for the body
        Assert.Equal(413, started.Status);
        Assert.Equal(413, chunked.Status);
        Assert.Contains("65536 bytes", chunked.Body, StringComparison.Ordinal);
        await world.EventuallyAsync(() => hub.Output.Contains("too large: the body went over the limit of 65536 bytes while it was read", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the refusal of the chunked body in the hub's log");
    }

    [Fact]
    public async Task A_call_signed_six_minutes_ago_or_with_a_malformed_signature_is_refused()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        world.StartHub();
        await world.WaitUntilListeningAsync();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };

        using var old = WebhookCall.Signed(world.ApiUrl, "servicedesk", ChainWorld.WebhookSecret, TimeProvider.System.GetUtcNow().AddMinutes(-6), WebhookCall.NewBody());
        using var stale = await http.SendAsync(old);
        var staleAnswer = await stale.Content.ReadAsStringAsync();
        var answers = new List<HttpStatusCode>();
        using var good = WebhookCall.Signed(world.ApiUrl, "servicedesk", ChainWorld.WebhookSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NewBody());
        var hex = good.Headers.GetValues("X-Hub-Signature-256").Single()["sha256=".Length..];
        foreach (var signature in new[] { "sha256=" + hex[..62], "sha256=" + hex + "00", "sha256=" + hex[..62] + "zz", hex, "sha512=" + hex })
        {
            using var malformed = WebhookCall.Signed(world.ApiUrl, "servicedesk", ChainWorld.WebhookSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NewBody());
            malformed.Headers.Remove("X-Hub-Signature-256");
            malformed.Headers.Add("X-Hub-Signature-256", signature);
            using var answer = await http.SendAsync(malformed);
            answers.Add(answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("too old or in the future", staleAnswer, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        using var accepted = await http.SendAsync(good); // the well-formed one is taken: the refusals were for their form
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Without_the_opt_in_the_plain_secret_header_is_refused_and_the_log_names_the_setting()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        var hub = world.StartHub();
        await world.WaitUntilListeningAsync();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };

        using var call = PlainSecretCall();
        using var answer = await http.SendAsync(call);
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.DoesNotContain("AllowWebhookSecretHeader", body, StringComparison.Ordinal); // the caller learns nothing about the configuration
        await world.EventuallyAsync(() => hub.Output.Contains("set Hub:Systems:servicedesk:AllowWebhookSecretHeader=true", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the refusal naming the opt-in in the hub's log");
        Assert.DoesNotContain(ChainWorld.WebhookSecret, hub.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backlog_longer_than_one_poll_is_read_to_its_end_after_one_webhook_without_waiting_for_the_poll_interval()
    {
        const int pagesPerPoll = 50; // PollCycle.MaxPagesPerPoll: one incident a page, so one poll cannot take in the backlog
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00" };
        world.StartHub(new Dictionary<string, string> { ["Hub__Systems__servicedesk__PageSize"] = "1" });
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await ServiceDeskPolls.FirstPollAsync(world);
        var backlog = Enumerable.Range(1, (2 * pagesPerPoll) + 10).Select(n => Complaints.BlockedToilet(world.TopDesk, n)).ToList(); // more than the poll at start and the webhook's poll can read

        using var signed = WebhookCall.Signed(world.ApiUrl, "servicedesk", ChainWorld.WebhookSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NewBody());
        using var accepted = await http.SendAsync(signed);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == backlog.Count, TimeSpan.FromSeconds(90),
            $"a case for each of the {backlog.Count} incidents after one webhook, the hourly poll not come round");
    }

    [Fact]
    public async Task With_the_opt_in_the_plain_secret_header_polls_at_once()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false) { ServiceDeskPollInterval = "01:00:00", ServiceDeskAllowsWebhookSecretHeader = true };
        world.StartHub();
        using var http = new HttpClient { BaseAddress = world.ApiUrl };
        await ServiceDeskPolls.FirstPollAsync(world);
        var incident = Complaints.BlockedToilet(world.TopDesk);

        using var call = PlainSecretCall();
        using var answer = await http.SendAsync(call);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        await world.EventuallyAsync(() => world.Dynamics.Cases.Count == 1, TimeSpan.FromSeconds(20), $"the case for {incident.Number} after the webhook");
    }

    /// <summary>What a TOPdesk action sequence sends: the secret itself in a fixed header, no signature.</summary>
    private static HttpRequestMessage PlainSecretCall()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "hooks/servicedesk") { Content = new StringContent("""{"incident":"changed"}""") };
        request.Headers.Add("X-Hub-Secret", ChainWorld.WebhookSecret);
        return request;
    }

    /// <summary>A signed call that announces a body with <paramref name="headers"/>, sends <paramref name="body"/> and waits at most a few seconds for the answer.</summary>
    private static async Task<RawHttpCall.Answer> AnnounceAsync(ChainWorld world, (string, string)[] headers, byte[] body)
    {
        using var deadline = new CancellationTokenSource(AtOnce);
        await using var call = await RawHttpCall.StartAsync(world.ApiUrl, "/hooks/servicedesk", [.. SignedHeaders(), .. headers], deadline.Token);
        await call.TryWriteAsync(body, deadline.Token);
        return await call.ReadAnswerAsync(deadline.Token);
    }

    private static async Task<RawHttpCall.Answer> SendEndlessChunkedAsync(ChainWorld world)
    {
        using var deadline = new CancellationTokenSource(AtOnce * 2);
        await using var call = await RawHttpCall.StartAsync(world.ApiUrl, "/hooks/servicedesk", [.. SignedHeaders(), ("Transfer-Encoding", "chunked")], deadline.Token);
        var chunk = new byte[8 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (var i = 0; i < 10 && await call.TryWriteChunkAsync(chunk, deadline.Token); i++)
        {
        }

        return await call.ReadAnswerAsync(deadline.Token);
    }

    /// <summary>A fresh timestamp and a well-formed signature (of a body the call will not have): the size must refuse it first.</summary>
    private static (string, string)[] SignedHeaders()
    {
        var timestamp = WebhookCall.Timestamp(TimeProvider.System.GetUtcNow());
        return [("Content-Type", "application/json"), ("X-Hub-Timestamp", timestamp), ("X-Hub-Signature-256", WebhookCall.Signature(ChainWorld.WebhookSecret, timestamp, []))];
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
        await world.EventuallyAsync(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "health");
                request.Headers.Add("X-Api-Key", ChainWorld.ApiKey);
                using var response = await http.SendAsync(request);
                status = response.StatusCode;
                var json = await response.Content.ReadAsStringAsync();
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

    [Fact]
    public async Task Health_shows_each_system_as_its_adapter_finds_it_and_a_system_down_at_start_is_a_warning_not_a_refusal()
    {
        await using var world = new ChainWorld(log, contractorAnswers: false);
        world.TopDesk.MakeUnavailable();
        var hub = world.StartHub();
        await world.WaitUntilListeningAsync(); // the hub starts although the service desk is down
        using var http = new HttpClient { BaseAddress = world.ApiUrl };

        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        request.Headers.Add("X-Api-Key", ChainWorld.ApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var probe = await http.GetAsync(new Uri("health", UriKind.Relative)); // a load balancer, no key
        var probed = await probe.Content.ReadAsStringAsync();

        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        var servicedesk = checks.GetProperty("system:servicedesk");
        Assert.Equal("Unhealthy", servicedesk.GetProperty("status").GetString());
        Assert.Contains("TOPdesk", servicedesk.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("TopDesk", servicedesk.GetProperty("data").GetProperty("adapter").GetString());
        Assert.Equal("Healthy", checks.GetProperty("system:facility").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("system:contractor").GetProperty("status").GetString());
        Assert.True(checks.TryGetProperty("systems", out _), "the systems check (polls, queues) is still there");
        Assert.DoesNotContain(world.TopDesk.ApplicationPassword, body, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Dynamics.ClientSecret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("system:", probed, StringComparison.Ordinal);
        Assert.Contains("servicedesk is not usable at start", hub.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("facility is not usable at start", hub.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(world.TopDesk.ApplicationPassword, hub.Output, StringComparison.Ordinal);
    }
}
