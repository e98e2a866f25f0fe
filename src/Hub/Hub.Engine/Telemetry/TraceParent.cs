using System.Diagnostics;

namespace Hub.Engine.Telemetry;

/// <summary>
/// The W3C traceparent an outbox row keeps: written from the span that queues the command, read back as the parent of
/// the span that sends it, so a complaint's trace goes on across the outbox, however late and after whatever restart.
/// </summary>
public static class TraceParent
{
    /// <summary>The span running now as a traceparent; null when nothing is traced.</summary>
    public static string? Current() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } span ? span.Id : null;

    /// <summary>The stored traceparent as a parent context; default (a new trace) for none or one not readable.</summary>
    public static ActivityContext Parse(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var context) ? context : default;
}
