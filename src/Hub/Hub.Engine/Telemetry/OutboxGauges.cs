using System.Diagnostics.Metrics;
using Hub.Abstractions.Telemetry;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Telemetry;

/// <summary>
/// The outbox as an operator watches it, read from the database when the metrics are collected (once per export, never
/// when telemetry is off): the commands waiting per target system (<c>hub.outbox.pending</c>) and how long the oldest of
/// them has waited (<c>hub.outbox.oldest_pending_age</c>), 0 for a configured system with nothing waiting, so an empty
/// queue shows as 0 and not as no data. One grouped query on the outbox's (system, status) index serves both gauges of
/// one collection.
/// </summary>
public sealed class OutboxGauges : IDisposable
{
    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);

    private readonly HubDatabase database;
    private readonly TimeProvider time;
    private readonly IReadOnlyCollection<string> systems;
    private readonly Meter meter = new(HubTelemetry.Name);
    private readonly Lock gate = new();
    private (DateTimeOffset At, IReadOnlyList<Waiting> Rows)? last;

    public OutboxGauges(HubDatabase database, SystemAdapters adapters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        this.database = database;
        this.time = time;
        systems = adapters.Names;
        meter.CreateObservableGauge("hub.outbox.pending", () => Read().Select(w => Measure((long)w.Count, w.System)),
            "{command}", "Outbox commands waiting to be sent, by target system (dead letters not included)");
        meter.CreateObservableGauge("hub.outbox.oldest_pending_age", () => Read().Select(w => Measure(Math.Max(0, (time.GetUtcNow() - w.Oldest).TotalSeconds), w.System)),
            "s", "How long the oldest command waiting for a target system has waited");
    }

    private static Measurement<T> Measure<T>(T value, string system) where T : struct =>
        new(value, new KeyValuePair<string, object?>(HubAttributes.System, system));

    private IReadOnlyList<Waiting> Read()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (last is { } reading && now - reading.At < Reuse)
            {
                return reading.Rows;
            }

            var rows = WithIdleSystems(Query(), now);
            last = (now, rows);
            return rows;
        }
    }

    private List<Waiting> WithIdleSystems(List<Waiting> waiting, DateTimeOffset now)
    {
        var idle = systems.Where(s => !waiting.Any(w => string.Equals(w.System, s, StringComparison.OrdinalIgnoreCase)));
        return [.. waiting, .. idle.Select(s => new Waiting(s, 0, now))];
    }

    /// <summary>Nothing to tell when the database cannot be read: health and the logs tell that, the gauges skip a beat.</summary>
    private List<Waiting> Query()
    {
        try
        {
            using var db = database.CreateContext();
            return db.Outbox.AsNoTracking()
                .Where(o => o.Status == OutboxStatus.Pending)
                .GroupBy(o => o.TargetSystem)
                .Select(g => new Waiting(g.Key, g.Count(), g.Min(o => o.CreatedAt)))
                .ToList();
        }
        catch (Exception failure) when (DatabaseOutage.Is(failure))
        {
            return [];
        }
    }

    public void Dispose() => meter.Dispose();

    private sealed record Waiting(string System, int Count, DateTimeOffset Oldest);
}
