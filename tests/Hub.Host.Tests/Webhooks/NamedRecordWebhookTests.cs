using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hub.Host.Webhooks;

namespace Hub.Host.Tests.Webhooks;

/// <summary>
/// A webhook taken in whose body names a record queues that name for the hub to read at once, and still makes the hub
/// poll; a body that names nothing usable only polls, as every call did before; a full queue drops the name, logged,
/// and the call is still taken in (the poll reads the record).
/// </summary>
public sealed class NamedRecordWebhookTests
{
    private const string ServiceDeskSecret = "servicedesk-webhook-secret-7Qx2";

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Hub:Systems:servicedesk:Adapter"] = "TopDesk",
        ["Hub:Systems:servicedesk:WebhookSecret"] = ServiceDeskSecret,
        ["Hub:Systems:servicedesk:AllowWebhookSecretHeader"] = "true",
    };

    [Fact]
    public async Task A_signed_call_naming_a_record_queues_that_record_and_still_polls()
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());

        using var call = WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NamingRecord(" I 2026 042 "));
        using var answer = await host.Client.SendAsync(call);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal([new NamedRecord("servicedesk", "I 2026 042")], await host.QueuedRecordsAsync());
        Assert.True(await host.Polls.ReachAsync("servicedesk", 1));
    }

    [Fact]
    public async Task A_call_with_the_plain_secret_header_naming_a_record_queues_it_too()
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());
        var id = Guid.NewGuid().ToString();

        using var call = new HttpRequestMessage(HttpMethod.Post, "hooks/servicedesk") { Content = new StringContent($$"""{"record":"{{id}}"}""", Encoding.UTF8, "application/json") };
        call.Headers.Add("X-Hub-Secret", ServiceDeskSecret);
        using var answer = await host.Client.SendAsync(call);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal([new NamedRecord("servicedesk", id)], await host.QueuedRecordsAsync());
    }

    [Theory]
    [InlineData("""{"incident":"changed"}""")]
    [InlineData("""{"record":42}""")]
    [InlineData("""{"record":""}""")]
    [InlineData("""{"record":"I 2026\n042"}""")]
    [InlineData("""["record","I 2026 042"]""")]
    [InlineData("""{"record":"I 2026 042" """)]
    [InlineData("record=I+2026+042")]
    [InlineData("")]
    public async Task A_body_that_names_no_usable_record_only_polls(string body)
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());

        using var call = WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, TimeProvider.System.GetUtcNow(), Encoding.UTF8.GetBytes(body));
        using var answer = await host.Client.SendAsync(call);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.True(await host.Polls.ReachAsync("servicedesk", 1));
        Assert.Empty(await host.QueuedRecordsAsync());
    }

    [Fact]
    public async Task A_name_longer_than_any_record_is_not_queued()
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());

        using var call = WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, TimeProvider.System.GetUtcNow(),
            WebhookCall.NamingRecord(new string('7', WebhookRecordName.MaxLength + 1)));
        using var answer = await host.Client.SendAsync(call);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Empty(await host.QueuedRecordsAsync());
    }

    [Fact]
    public async Task When_the_queue_is_full_the_call_is_still_taken_in_and_polls_and_the_log_says_the_poll_takes_the_record_in()
    {
        await using var host = await WebhookWebHost.StartAsync(Settings());
        var answers = new List<HttpStatusCode>();

        await Parallel.ForEachAsync(Enumerable.Range(0, NamedRecordQueue.Capacity + 1), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
        {
            using var call = WebhookCall.Signed(host.Address, "servicedesk", ServiceDeskSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NamingRecord($"I 2026 {n:D4}"));
            call.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var answer = await host.Client.SendAsync(call, ct);
            lock (answers)
            {
                answers.Add(answer.StatusCode);
            }
        });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a));
        Assert.Equal(NamedRecordQueue.Capacity, (await host.QueuedRecordsAsync()).Count);
        var full = Assert.Single(host.Log.Lines, l => l.Contains("named records are waiting already; the poll takes it in", StringComparison.Ordinal));
        Assert.Contains("servicedesk", full, StringComparison.Ordinal);
        Assert.True(await host.Polls.ReachAsync("servicedesk", 1));
    }
}
