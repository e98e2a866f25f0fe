using System.Net.Http.Headers;
using System.Text;

namespace Hub.Adapters.ServiceNow.Http;

/// <summary>Signs every attempt with HTTP Basic: the integration user's user_name and password.</summary>
internal sealed class BasicAuthenticationHandler(string username, string password) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue header = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = header;
        return base.SendAsync(request, cancellationToken);
    }

    public override string ToString() => $"Basic authentication as {username}";
}
