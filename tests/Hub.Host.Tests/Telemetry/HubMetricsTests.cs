using Hub.Abstractions.Telemetry;
using OpenTelemetry.Metrics;

namespace Hub.Host.Tests.Telemetry;

/// <summary>The metrics an operator alerts on move with one complaint: taken in, queued, throttled, sent.</summary>
[Collection(TelemetryGroup.Name)]
public sealed class HubMetricsTests(MailServers servers)
{
    [Fact]
    public async Task One_complaint_moves_the_counters_and_a_429_is_counted_with_its_penalty()
    {
        await using var hub = await TracedHub.CreateAsync(servers);
        Complaints.BlockedToilet(hub.TopDesk);
        await using var started = await hub.StartAsync();

        await started.Poll.PollAsync("servicedesk", CancellationToken.None);
        var queued = started.CollectMetrics();
        Assert.Equal(1, Sum(queued, "hub.changes.taken_in", ("hub.system", "servicedesk"), ("hub.intake_result", "Opened")));
        Assert.Equal(1, Histogram(queued, "hub.poll.lag", ("hub.system", "servicedesk")));
        Assert.Equal(1, Histogram(queued, "hub.intake.transaction.duration", ("hub.system", "servicedesk"))); // one page, one transaction
        Assert.Equal(1, Gauge(queued, "hub.outbox.pending", ("hub.system", "facility")));
        Assert.True(GaugeDouble(queued, "hub.outbox.oldest_pending_age", ("hub.system", "facility")) >= 0);

        hub.Dynamics.ThrottleBurst(1, TimeSpan.FromSeconds(2));
        await started.DispatchAllAsync(TimeSpan.FromSeconds(60));
        var sent = started.CollectMetrics();

        Assert.Single(hub.Dynamics.Cases);
        Assert.Equal(1, Sum(sent, "hub.commands.sent", ("hub.system", "facility"), ("hub.command_kind", "Created")));
        Assert.Equal(1, Sum(sent, "hub.commands.sent", ("hub.system", "contractor"), ("hub.command_kind", "Created")));
        Assert.Equal(1, Sum(sent, "hub.http.throttled", ("hub.system", "facility")));
        Assert.Equal(2.0, SumDouble(sent, "hub.http.throttle_penalty", ("hub.system", "facility")), precision: 0);
        Assert.Equal(0, Sum(sent, "hub.commands.dead_lettered"));
        Assert.Equal(0, Gauge(sent, "hub.outbox.pending", ("hub.system", "facility"))); // an empty queue is 0, not no data
        Assert.Equal(0, Gauge(sent, "hub.outbox.pending", ("hub.system", "contractor")));
    }

    private static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static double SumDouble(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumDouble());

    private static long Histogram(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static long Gauge(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Single().GetGaugeLastValueLong();

    private static double GaugeDouble(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Single().GetGaugeLastValueDouble();

    private static List<MetricPoint> Points(List<Metric> metrics, string name, params (string Key, string Value)[] tags)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name && m.MeterName == HubTelemetry.Name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }
}
