using System.Net;
using System.Net.Http.Headers;

namespace Hub.Abstractions.Http;

/// <summary>
/// Puts a system's access token on every request. When the system answers 401 (a token revoked or expired early), it
/// asks <paramref name="token"/> for a fresh one (its first argument true) once and sends the request again.
/// </summary>
/// <param name="token">The adapter's token source: (force a new token, cancellation) → the access token.</param>
public sealed class BearerTokenHandler(Func<bool, CancellationToken, Task<string>> token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token(false, cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token(true, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
