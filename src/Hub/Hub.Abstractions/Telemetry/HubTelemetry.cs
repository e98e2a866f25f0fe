using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hub.Abstractions.Telemetry;

/// <summary>
/// The hub's one source of traces and one meter, both named "Hub": the engine's spans (poll, intake, dispatch), the
/// adapters' spans of their SMTP and IMAP calls (HTTP calls are traced by the HttpClient's own instrumentation) and
/// every metric. With no listener (telemetry off, the default) a span is never created and a measurement goes nowhere.
/// </summary>
public static class HubTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>, for an exporter to listen to.</summary>
    public const string Name = "Hub";

    public static readonly ActivitySource Source = new(Name, typeof(HubTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(HubTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Starts a span of a call to a server (SMTP, IMAP) in the span running now: the system's name, the server's
    /// address and port, and the case the running span is about, if any. Null when nobody listens.
    /// </summary>
    public static Activity? StartServerCall(string spanName, string systemName, string protocol, string host, int port)
    {
        var caseId = Activity.Current?.GetTagItem(HubAttributes.CaseId);
        var span = Source.StartActivity(spanName, ActivityKind.Client);
        if (span is null)
        {
            return null;
        }

        span.SetTag(HubAttributes.System, systemName);
        span.SetTag(HubAttributes.ProtocolName, protocol);
        span.SetTag(HubAttributes.ServerAddress, host);
        span.SetTag(HubAttributes.ServerPort, port);
        if (caseId is not null)
        {
            span.SetTag(HubAttributes.CaseId, caseId);
        }

        return span;
    }

    /// <summary>Marks the span as failed with the failure's kind only (a message may name an address or a mailbox).</summary>
    public static void Failed(Activity? span, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        span?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        span?.SetTag("error.type", failure.GetType().FullName);
    }
}
