using System.Text.Json;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Api;

/// <summary>
/// Reads what TOPdesk said in an error body. It answers in two shapes: <c>[{"message": "..."}]</c> (incident API)
/// and <c>{"errors": [{"errorCode", "appliesTo": [...], "errorMessage"}]}</c> (supporting-files API). Both become
/// one readable line naming the fields concerned; anything else is quoted shortly.
/// </summary>
internal static class TopDeskErrorBody
{
    private const int MaxLength = 500;

    public static string Describe(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "no details given";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var parts = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => MessagesOf(document.RootElement),
                JsonValueKind.Object when document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                    => ErrorsOf(errors),
                JsonValueKind.Object when document.RootElement.TryGetProperty("message", out var message)
                    => [TextOf(message)],
                _ => [],
            };
            var joined = string.Join("; ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
            return joined.Length > 0 ? Shorten(joined) : Shorten(body.Trim());
        }
        catch (JsonException)
        {
            return Shorten(body.Trim());
        }
    }

    private static List<string> MessagesOf(JsonElement array) =>
        [.. array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out _))
            .Select(item => TextOf(item.GetProperty("message")))];

    private static List<string> ErrorsOf(JsonElement errors) =>
        [.. errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(DescribeError)];

    private static string DescribeError(JsonElement error)
    {
        var message = error.TryGetProperty("errorMessage", out var m) ? TextOf(m) : string.Empty;
        var code = error.TryGetProperty("errorCode", out var c) ? TextOf(c) : string.Empty;
        var fields = error.TryGetProperty("appliesTo", out var a) && a.ValueKind == JsonValueKind.Array
            ? string.Join(", ", a.EnumerateArray().Select(TextOf).Where(f => f.Length > 0))
            : string.Empty;
        var text = message.Length > 0 ? message : code;
        if (code.Length > 0 && message.Length > 0)
        {
            text = $"{message} ({code})";
        }

        return fields.Length > 0 ? $"{fields}: {text}" : text;
    }

    private static string TextOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText();

    private static string Shorten(string text) => TextCut.Shorten(text, MaxLength + 1);
}
