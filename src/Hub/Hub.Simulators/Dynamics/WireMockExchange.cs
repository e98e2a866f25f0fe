using System.Text;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Hub.Simulators.Dynamics;

/// <summary>Translates between WireMock's request and response messages and the simulator's own.</summary>
internal static class WireMockExchange
{
    public static SimRequest ToSimRequest(IRequestMessage message, string pathPrefix)
    {
        var uri = new Uri(message.AbsoluteUrl);
        var path = uri.AbsolutePath;
        path = path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase) ? path[pathPrefix.Length..] : path.TrimStart('/');
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            query[Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq])] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMockList<string>>())
        {
            headers[name] = string.Join(", ", values);
        }

        return new SimRequest(message.Method.ToUpperInvariant(), Uri.UnescapeDataString(path), query, headers, message.Body);
    }

    public static ResponseMessage ToResponse(SimResponse response)
    {
        var message = new ResponseMessage { StatusCode = response.Status };
        message.AddHeader("OData-Version", "4.0");
        if (response.Body is not null)
        {
            message.AddHeader("Content-Type", "application/json; odata.metadata=minimal");
            message.BodyData = new BodyData
            {
                BodyAsString = response.Body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            };
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            message.AddHeader(name, value);
        }

        return message;
    }
}
