using System.Text;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// One API call the hub made to a simulated system, as the simulator recorded it, in a form a plain HttpClient can
/// send again: method, absolute URL with its query encoded again, headers and body.
/// </summary>
internal sealed record ApiCall(string System, DateTimeOffset At, HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Connection", "Transfer-Encoding", "Content-Type" };

    public static ApiCall From(TopDeskSimulator topDesk, SimulatedRequest request)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{topDesk.Username}:{topDesk.ApplicationPassword}"));
        var url = new Uri(topDesk.Url.TrimEnd('/') + request.Path + Query(request.Query));
        return new ApiCall("TOPdesk", request.At, new HttpMethod(request.Method), url, new Dictionary<string, string> { ["Authorization"] = "Basic " + basic }, request.Body);
    }

    public static ApiCall From(DynamicsSimulator dynamics, RecordedRequest request)
    {
        var question = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? request.PathAndQuery : request.PathAndQuery[..question];
        var query = question < 0 ? string.Empty : request.PathAndQuery[(question + 1)..];
        var headers = request.Headers.Where(h => !HopHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new ApiCall("Dynamics", request.ArrivedAt, new HttpMethod(request.Method), new Uri(dynamics.ApiUrl + path + Query(query)), headers, request.Body);
    }

    public HttpRequestMessage ToRequest()
    {
        var message = new HttpRequestMessage(Method, Url);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null && Method != HttpMethod.Get)
        {
            message.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        return message;
    }

    /// <summary>The simulators keep queries decoded ("k=v&amp;k2=v2"): encoded again, splitting each pair at its first '='.</summary>
    private static string Query(string decoded)
    {
        if (decoded.Length == 0)
        {
            return string.Empty;
        }

        var pairs = decoded.Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? Uri.EscapeDataString(pair) : Uri.EscapeDataString(pair[..eq]) + "=" + Uri.EscapeDataString(pair[(eq + 1)..]);
        });
        return "?" + string.Join('&', pairs);
    }
}
