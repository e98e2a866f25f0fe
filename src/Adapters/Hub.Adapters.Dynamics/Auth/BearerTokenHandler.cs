using System.Net;
using System.Net.Http.Headers;

namespace Hub.Adapters.Dynamics.Auth;

/// <summary>
/// Puts the hub's access token on every request to the org. When the org answers 401 (a token revoked or expired
/// early), it fetches a fresh token once and sends the request again.
/// </summary>
internal sealed class BearerTokenHandler(EntraTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(false, cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(true, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
