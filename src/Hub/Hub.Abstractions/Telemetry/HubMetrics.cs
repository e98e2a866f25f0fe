using System.Diagnostics.Metrics;

namespace Hub.Abstractions.Telemetry;

/// <summary>
/// The hub's metrics an operator alerts on, all on <see cref="HubTelemetry.Meter"/>. The outbox's depth and its oldest
/// pending command are observed from the database when they are collected (the engine's outbox gauges).
/// </summary>
public static class HubMetrics
{
    /// <summary>Changes read from a system and taken in, by <see cref="HubAttributes.System"/> and <see cref="HubAttributes.IntakeResult"/>.</summary>
    public static readonly Counter<long> ChangesTakenIn = HubTelemetry.Meter.CreateCounter<long>(
        "hub.changes.taken_in", "{change}", "Changes read from a system and taken in, by what intake made of them");

    /// <summary>Outbox commands a system accepted, by <see cref="HubAttributes.System"/> and <see cref="HubAttributes.CommandKind"/>.</summary>
    public static readonly Counter<long> CommandsSent = HubTelemetry.Meter.CreateCounter<long>(
        "hub.commands.sent", "{command}", "Outbox commands the target system accepted");

    /// <summary>Attempts that failed and will be retried, by system and command kind.</summary>
    public static readonly Counter<long> CommandsFailed = HubTelemetry.Meter.CreateCounter<long>(
        "hub.commands.failed", "{command}", "Outbox command attempts that failed and are retried later");

    /// <summary>Commands that became dead letters, by system and command kind.</summary>
    public static readonly Counter<long> CommandsDeadLettered = HubTelemetry.Meter.CreateCounter<long>(
        "hub.commands.dead_lettered", "{command}", "Outbox commands that failed for good and wait for an admin");

    /// <summary>429 Too Many Requests answers, by system (every attempt, also those retried at once).</summary>
    public static readonly Counter<long> Throttled = HubTelemetry.Meter.CreateCounter<long>(
        "hub.http.throttled", "{response}", "429 Too Many Requests answers of a system");

    /// <summary>The time the 429 answers asked the hub to hold off (their Retry-After), by system.</summary>
    public static readonly Counter<double> ThrottlePenalty = HubTelemetry.Meter.CreateCounter<double>(
        "hub.http.throttle_penalty", "s", "Time the 429 answers of a system asked the hub to wait (Retry-After)");

    /// <summary>From when a system says a change happened to when the hub took it in, by system.</summary>
    public static readonly Histogram<double> PollLag = HubTelemetry.Meter.CreateHistogram<double>(
        "hub.poll.lag", "s", "Time from a change in a system to the hub taking it in");
}
