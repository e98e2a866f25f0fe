using System.Net;
using System.Net.Http.Headers;

namespace Hub.Adapters.ServiceNow.Http;

/// <summary>
/// Puts the hub's access token on every request. When the instance answers 401 (a token that expired early or was
/// revoked), it gets a fresh token once and sends the request again.
/// </summary>
internal sealed class BearerTokenHandler(OAuthTokenSource tokens) : DelegatingHandler
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
