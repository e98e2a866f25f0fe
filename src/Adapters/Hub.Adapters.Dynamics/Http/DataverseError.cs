using System.Text.Json;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>
/// The error a Dataverse response carries: <c>{"error":{"code","message"}}</c> (the code is often empty and is not the
/// HTTP status), or for other shapes and empty bodies the reason phrase.
/// </summary>
internal sealed record DataverseError(string Code, string Message)
{
    private const int MaxMessageLength = 500;
    private const string ProxyMessage = "Message"; // the non-OData shape some gateways answer with

    public static async Task<DataverseError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken);
        return Parse(body, response.ReasonPhrase ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static DataverseError Parse(string body, string fallback)
    {
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("error", out var error)
                    && error.ValueKind == JsonValueKind.Object)
                {
                    var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? string.Empty : string.Empty;
                    var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    return new DataverseError(code, Clip(message ?? fallback));
                }

                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(ProxyMessage, out var other) && other.ValueKind == JsonValueKind.String)
                {
                    return new DataverseError(string.Empty, Clip(other.GetString() ?? fallback));
                }
            }
            catch (JsonException)
            {
                // not JSON (an HTML error page from a proxy, say): fall back to the reason phrase
            }
        }

        return new DataverseError(string.Empty, Clip(fallback));
    }

    public override string ToString() => Code.Length > 0 ? $"{Message} (code {Code})" : Message;

    private static string Clip(string text) => TextCut.Shorten(text, MaxMessageLength + 1);
}
