using System.Net;
using Hub.Abstractions.Telemetry;

namespace Hub.Abstractions.Http;

/// <summary>
/// Counts every 429 Too Many Requests a system answers, and the wait its Retry-After asks for, in the hub's metrics.
/// It sits next to the wire, so an attempt the retry policy repeats at once is counted too.
/// </summary>
internal sealed class ThrottleCounter(string systemName, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && HubMetrics.Throttled.Enabled)
        {
            var system = new KeyValuePair<string, object?>(HubAttributes.System, systemName);
            HubMetrics.Throttled.Add(1, system);
            if (RetryAfterHeader.Read(response, time) is { } wait && wait > TimeSpan.Zero)
            {
                HubMetrics.ThrottlePenalty.Add(wait.TotalSeconds, system);
            }
        }

        return response;
    }
}
