using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Host.Tests.Webhooks;

/// <summary>
/// POST /hooks/&lt;system&gt; under Kestrel on loopback: who may make the hub poll, what is read before deciding, and
/// what the log says about a refusal.
/// </summary>
public sealed class WebhookGateTests
{
    private const string ServiceDeskSecret = "servicedesk-webhook-secret-7Qx2";
    private const string FacilitySecret = "facility-webhook-secret-Lm93kP";
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Hub:Systems:servicedesk:Adapter"] = "TopDesk",
        ["Hub:Systems:servicedesk:WebhookSecret"] = ServiceDeskSecret,
        ["Hub:Systems:facility:Adapter"] = "Dynamics",
        ["Hub:Systems:facility:WebhookSecret"] = FacilitySecret,
        ["Hub:Systems:facility:WebhookMaxBodyBytes"] = "262144",
        ["Hub:Systems:facility:AllowWebhookSecretHeader"] = "true",
        ["Hub:Systems:contractor:Adapter"] = "Email", // no webhook
    };

    [Fact]
    public async Task An_unknown_system_is_answered_like_a_wrong_signature_without_its_body_being_read()
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());
        using var wrong = WebhookCall.Signed(host.Address, "servicedesk", "not-the-secret-at-all", TimeProvider.System.GetUtcNow(), WebhookCall.NewBody());
        using var wrongAnswer = await host.Client.SendAsync(wrong);
        var expected = Problem(await wrongAnswer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);

        foreach (var system in new[] { "nosuchsystem", "contractor" })
        {
            var timestamp = WebhookCall.Timestamp(TimeProvider.System.GetUtcNow());
            var signed = await AnnounceBodyAsync(host.Address, system, 1000,
                ("X-Hub-Timestamp", timestamp), ("X-Hub-Signature-256", WebhookCall.Signature(ServiceDeskSecret, timestamp, new byte[1000])));
            var plain = await AnnounceBodyAsync(host.Address, system, 1000, ("X-Hub-Secret", ServiceDeskSecret));

            Assert.Equal(401, signed.Status);
            Assert.Equal(expected, Problem(signed.Body));
            Assert.Equal(401, plain.Status);
            Assert.Equal(expected, Problem(plain.Body));
        }

        Assert.Equal(0, host.Polls.Of("contractor"));
    }

    [Fact]
    public async Task The_hubs_clock_decides_whether_a_timestamp_is_fresh()
    {
        var hubClock = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(1));
        await using var host = await WebhookWebHost.StartAsync(Settings(), hubClock);

        using var byMachine = WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NewBody());
        using var refused = await host.Client.SendAsync(byMachine);
        using var byHub = WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, hubClock.GetUtcNow(), WebhookCall.NewBody());
        using var accepted = await host.Client.SendAsync(byHub);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("too old or in the future", Problem(await refused.Content.ReadAsStringAsync()).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(await host.Polls.ReachAsync("servicedesk", 1));
    }

    [Theory]
    [InlineData(-290, HttpStatusCode.Accepted)]
    [InlineData(290, HttpStatusCode.Accepted)]
    [InlineData(-310, HttpStatusCode.Unauthorized)]
    [InlineData(310, HttpStatusCode.Unauthorized)]
    public async Task A_timestamp_is_taken_within_five_minutes_either_way_and_not_beyond(int secondsFromNow, HttpStatusCode expected)
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());

        using var call = WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, TimeProvider.System.GetUtcNow().AddSeconds(secondsFromNow), WebhookCall.NewBody());
        using var answer = await host.Client.SendAsync(call);

        Assert.Equal(expected, answer.StatusCode);
    }

    [Fact]
    public async Task A_system_with_a_larger_limit_takes_a_larger_body_and_the_others_keep_the_small_one()
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());
        var body = Encoding.UTF8.GetBytes($$"""{"context":"{{new string('x', 100 * 1024)}}"}""");

        using var toFacility = WebhookCall.Signed(host.Address, "facility", FacilitySecret, TimeProvider.System.GetUtcNow(), body);
        using var taken = await host.Client.SendAsync(toFacility);
        using var toServiceDesk = TooLarge(WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, TimeProvider.System.GetUtcNow(), body));
        using var refused = await host.Client.SendAsync(toServiceDesk);

        Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task Refusals_are_logged_with_their_reason_and_never_with_a_secret_or_signature()
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());
        var now = TimeProvider.System.GetUtcNow();
        var sent = new List<HttpRequestMessage>
        {
            WebhookCall.Signed(host.Address, "servicedesk", "not-the-secret-at-all", now, WebhookCall.NewBody()),
            WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, now.AddMinutes(-6), WebhookCall.NewBody()),
            TooLarge(WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, now, new byte[70 * 1024])),
            WebhookCall.Signed(host.Address, "nosuchsystem", ServiceDeskSecret, now, WebhookCall.NewBody()),
            Plain(host.Address, "servicedesk", ServiceDeskSecret),
            Plain(host.Address, "facility", "not-the-secret-at-all"),
        };
        var body = WebhookCall.NewBody();
        sent.Add(WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, now, body));
        sent.Add(WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, now, body)); // the same call again
        var badSignature = new HttpRequestMessage(HttpMethod.Post, "hooks/servicedesk") { Content = new ByteArrayContent(WebhookCall.NewBody()) };
        badSignature.Headers.Add("X-Hub-Timestamp", WebhookCall.Timestamp(now));
        badSignature.Headers.Add("X-Hub-Signature-256", "sha256=abc");
        sent.Add(badSignature);
        var signatures = sent.SelectMany(r => r.Headers.TryGetValues("X-Hub-Signature-256", out var v) ? v : []).Select(s => s[7..]).ToList();

        foreach (var request in sent)
        {
            using var answer = await host.Client.SendAsync(request);
            request.Dispose();
        }

        var refusals = host.Refusals;
        Assert.Equal(8, refusals.Count); // all but the first use of the signed call
        Assert.Contains(refusals, l => l.Contains("'servicedesk': wrong signature", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains("'servicedesk': stale timestamp", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains("'servicedesk': too large", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains("'nosuchsystem': no such system", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains("'servicedesk': X-Hub-Secret is not allowed", StringComparison.Ordinal)
            && l.Contains("Hub:Systems:servicedesk:AllowWebhookSecretHeader=true", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains("'facility': wrong secret", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains("'servicedesk': replay", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains("'servicedesk': wrong signature: X-Hub-Signature-256 is not sha256= and 64 hex digits", StringComparison.Ordinal));
        foreach (var line in host.Log.Lines)
        {
            Assert.DoesNotContain(ServiceDeskSecret, line, StringComparison.Ordinal);
            Assert.DoesNotContain(FacilitySecret, line, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-secret-at-all", line, StringComparison.Ordinal);
            Assert.All(signatures, s => Assert.DoesNotContain(s, line, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Waits for "100 Continue" before sending the body: the hub refuses the announced size without reading, and a client
    /// still writing the body when the refusal closes the connection would see a reset instead of the 413.
    /// </summary>
    private static HttpRequestMessage TooLarge(HttpRequestMessage request)
    {
        request.Headers.ExpectContinue = true;
        return request;
    }

    private static HttpRequestMessage Plain(Uri hub, string system, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hub, "hooks/" + system)) { Content = new StringContent("{}") };
        request.Headers.Add("X-Hub-Secret", secret);
        return request;
    }

    /// <summary>Announces a body of <paramref name="length"/> bytes and sends none of it: the answer must come without it.</summary>
    private static async Task<RawHttpCall.Answer> AnnounceBodyAsync(Uri hub, string system, int length, params (string Name, string Value)[] headers)
    {
        using var deadline = new CancellationTokenSource(AtOnce);
        await using var call = await RawHttpCall.StartAsync(hub, "/hooks/" + system,
            [.. headers, ("Content-Type", "application/json"), ("Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture))], deadline.Token);
        return await call.ReadAnswerAsync(deadline.Token);
    }

    private static (string? Title, int Status, string? Detail) Problem(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.GetProperty("title").GetString(), root.GetProperty("status").GetInt32(), root.GetProperty("detail").GetString());
    }
}
