using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Hub.Host.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>What the running hub's /health answered, or why it did not.</summary>
internal sealed record HealthAnswer(Uri Address, bool Healthy, string Says);

/// <summary>
/// Asks a running hub's <c>GET /health</c> without an API key, as a load balancer or a container's HEALTHCHECK does:
/// 200 (healthy or degraded) is healthy; 503, another status, no answer in time or no hub listening is not.
/// </summary>
internal static class HealthProbe
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Where the hub's own /health is, from <c>Hub:Api:Urls</c>: the first http URL (else the first), with a host that
    /// listens on every address (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>) asked on loopback.
    /// </summary>
    public static Uri AddressFrom(IConfiguration configuration)
    {
        var urls = ApiSettings.Urls(configuration);
        return AddressFrom(urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? urls[0]);
    }

    /// <summary>The /health of one hub address (<c>http://127.0.0.1:5080</c>); throws <see cref="UriFormatException"/> for anything but http(s).</summary>
    public static Uri AddressFrom(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var uri = new Uri(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new UriFormatException($"'{url}' is not an http(s) URL");
        }

        var builder = new UriBuilder(uri) { Path = "/health", Query = string.Empty };
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            builder.Host = (ip.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback).ToString();
        }

        return builder.Uri;
    }

    public static async Task<HealthAnswer> AskAsync(Uri address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        // Straight to the hub: a proxy from HTTP_PROXY has no business between a probe and the hub beside it.
        using var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxBodyBytes };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(address, deadline.Token).ConfigureAwait(false);
            var status = StatusIn(await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false));
            var says = $"answered {(int)response.StatusCode}{(status is null ? string.Empty : $" {status}")}";
            return new HealthAnswer(address, response.StatusCode == HttpStatusCode.OK, says);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthAnswer(address, false, $"did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException failure)
        {
            return new HealthAnswer(address, false, $"did not answer: {failure.HttpRequestError}{(failure.InnerException is SocketException socket ? $" ({socket.SocketErrorCode})" : string.Empty)}");
        }
    }

    /// <summary>The overall status the hub wrote ({"status":"Healthy"}), only when it is one of the three: nothing else is echoed.</summary>
    private static HealthStatus? StatusIn(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("status", out var status)
                && Enum.TryParse<HealthStatus>(status.GetString(), ignoreCase: false, out var parsed)
                && Enum.IsDefined(parsed)
                ? parsed
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
