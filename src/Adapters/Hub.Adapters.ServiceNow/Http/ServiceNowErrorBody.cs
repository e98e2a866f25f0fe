using System.Text.Json;

namespace Hub.Adapters.ServiceNow.Http;

/// <summary>
/// What the instance said in an error body, for a message: <c>{"error":{"message","detail"},"status":"failure"}</c>,
/// the token endpoint's <c>{"error","error_description"}</c>, or the first words of anything else (a proxy's HTML page).
/// </summary>
internal static class ServiceNowErrorBody
{
    private const int Limit = 300;

    public static string Describe(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "no details given";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    var message = Text(error, "message");
                    var detail = Text(error, "detail");
                    return Cut(string.Join(": ", new[] { message, detail }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim().ReplaceLineEndings(" "))));
                }

                return Cut(string.Join(": ", new[] { error.ToString(), Text(root, "error_description") }.Where(p => !string.IsNullOrWhiteSpace(p))));
            }
        }
        catch (JsonException)
        {
            // not JSON: a proxy or load balancer answered
        }

        return Cut(body.Trim().ReplaceLineEndings(" "));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Cut(string text) => text.Length == 0 ? "no details given" : Hub.Abstractions.Model.TextCut.Shorten(text, Limit);
}
