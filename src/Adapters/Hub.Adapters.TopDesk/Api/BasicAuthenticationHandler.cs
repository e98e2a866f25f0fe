using System.Net.Http.Headers;
using System.Text;

namespace Hub.Adapters.TopDesk.Api;

/// <summary>
/// Signs every attempt with HTTP Basic: the operator's login name and an application password
/// (TOPdesk's documented way for applications; there is no token to keep).
/// </summary>
internal sealed class BasicAuthenticationHandler(string username, string applicationPassword) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue header = new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{applicationPassword}")));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = header;
        return base.SendAsync(request, cancellationToken);
    }

    public override string ToString() => $"Basic authentication as {username}";
}
