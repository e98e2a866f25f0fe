using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>The real `hub` with the standard OTEL_* variables set exports its spans and metrics over OTLP/HTTP.</summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class TelemetryExportTests(ITestOutputHelper log)
{
    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_set_the_hub_exports_the_complaints_spans_and_its_metrics_and_no_secret()
    {
        await using var collector = new OtlpReceiver();
        await using var world = new ChainWorld(log, contractorAnswers: false);
        Complaints.BlockedToilet(world.TopDesk);
        world.StartHub(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        });

        await world.EventuallyAsync(() => world.WorkOrders().Count > 0, TimeSpan.FromSeconds(60), "the work order sent to the plumber");
        await world.EventuallyAsync(() => collector.Holds("/v1/traces", "hub.dispatch") && collector.Holds("/v1/metrics", "hub.commands.sent"),
            TimeSpan.FromSeconds(30), "the dispatch span and the commands-sent counter at the OTLP receiver");

        foreach (var name in new[] { "hub.poll", "hub.intake", "hub.dispatch", "hub.case_id", "servicedesk", "facility" })
        {
            Assert.True(collector.Holds("/v1/traces", name), $"the exported spans name {name}");
        }

        foreach (var name in new[] { "hub.changes.taken_in", "hub.outbox.pending", "hub.poll.lag" })
        {
            Assert.True(collector.Holds("/v1/metrics", name), $"the exported metrics hold {name}");
        }

        foreach (var secret in new[] { world.TopDesk.ApplicationPassword, world.Dynamics.ClientSecret, ChainWorld.WebhookSecret })
        {
            Assert.False(collector.Holds("/v1/traces", secret) || collector.Holds("/v1/metrics", secret), "a secret went out with the telemetry");
        }
    }
}
