using System.Net;
using Hub.Abstractions.Http;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>Sends each request through the org's <see cref="ServiceProtectionGate"/> and reports every 429 to it.</summary>
internal sealed class ServiceProtectionHandler(ServiceProtectionGate gate, string systemName, TimeProvider time) : DelegatingHandler
{
    /// <summary>How long to hold off when a 429 comes without Retry-After.</summary>
    private static readonly TimeSpan PenaltyWithoutRetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(systemName, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            gate.Penalise(RetryAfterHeader.Read(response, time) ?? PenaltyWithoutRetryAfter);
        }

        return response;
    }
}
