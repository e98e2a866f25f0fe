using System.Text.Json;

namespace Hub.Host.Webhooks;

/// <summary>
/// The record a webhook's body names, if it names one: a JSON object with a string property "record" (the system's id
/// of the record or the number people use, e.g. what a TOPdesk action sequence fills in for the incident). Only the
/// name is taken; whatever else the body says is not trusted (the hub reads the record from the system itself). A body
/// that is no such object, or a name that is empty, longer than <see cref="MaxLength"/> or holds control characters,
/// names nothing: the call only makes the hub poll, as every call did before.
/// </summary>
internal static class WebhookRecordName
{
    public const string Property = "record";

    /// <summary>Far beyond an id (a GUID is 36) or a number ("I 2026 042"); a longer name is nobody's record.</summary>
    public const int MaxLength = 200;

    public static string? Of(byte[]? body)
    {
        if (body is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty(Property, out var record)
                   && record.ValueKind == JsonValueKind.String
                ? Usable(record.GetString())
                : null;
        }
        catch (JsonException)
        {
            return null; // not JSON, or cut short: names nothing
        }
    }

    private static string? Usable(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
