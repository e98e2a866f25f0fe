using Hub.Abstractions.Telemetry;
using Hub.Adapters.Email.Options;

namespace Hub.Adapters.Email.Transport;

/// <summary>Traces one exchange with a mail server as a span of the hub's (see <see cref="HubSpans"/>); nothing when tracing is off.</summary>
internal static class MailSpan
{
    public static async Task<T> TraceAsync<T>(string spanName, string systemName, string protocol, MailServerOptions server, Func<Task<T>> exchange)
    {
        using var span = HubTelemetry.StartServerCall(spanName, systemName, protocol, server.Host, server.Port);
        try
        {
            return await exchange();
        }
        catch (Exception failure)
        {
            HubTelemetry.Failed(span, failure);
            throw;
        }
    }
}
