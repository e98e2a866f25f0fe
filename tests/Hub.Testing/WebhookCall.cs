using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Testing;

/// <summary>
/// A webhook call as a sender holding the system's secret makes it: header X-Hub-Timestamp (Unix seconds) and header
/// X-Hub-Signature-256 "sha256=" + hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;body&gt;". Written from the README, not from the hub's code.
/// </summary>
public static class WebhookCall
{
    /// <summary>A body of its own for every call, as a real sender's event would be: two calls never share a signature.</summary>
    public static byte[] NewBody() => Encoding.UTF8.GetBytes($$"""{"incident":"changed","event":"{{Guid.NewGuid():N}}"}""");

    /// <summary>
    /// The body a TOPdesk action sequence's HTTP request step sends when it names the incident (its template fills in
    /// the incident's id): the record, and an event of its own so two calls never share a signature.
    /// </summary>
    public static byte[] NamingRecord(string record) =>
        Encoding.UTF8.GetBytes($$"""{"record":{{System.Text.Json.JsonSerializer.Serialize(record)}},"event":"{{Guid.NewGuid():N}}"}""");

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Signature(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.ASCII.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>POST /hooks/&lt;system&gt; signed at <paramref name="at"/>; the same headers each time it is built from the same arguments.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A signed call, as the README says; not the integer type.")]
    public static HttpRequestMessage Signed(Uri hub, string system, string secret, DateTimeOffset at, byte[] body)
    {
        var timestamp = Timestamp(at);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hub, "hooks/" + system)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Timestamp", timestamp);
        request.Headers.Add("X-Hub-Signature-256", Signature(secret, timestamp, body));
        return request;
    }
}
