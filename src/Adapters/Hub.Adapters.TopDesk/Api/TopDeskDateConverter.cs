using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Api;

/// <summary>
/// Reads TOPdesk's dates in both forms it sends: its own <c>2020-10-01T14:10:00.000+0000</c> (offset without a
/// colon, which .NET does not parse) and ISO 8601 (<c>2020-10-01T14:10:00Z</c>, <c>+02:00</c>). A date without an
/// offset is UTC, as TOPdesk documents. Writes the TOPdesk form, in UTC.
/// </summary>
internal sealed partial class TopDeskDateConverter : JsonConverter<DateTimeOffset>
{
    public const string WriteFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A TOPdesk date must be a string, not {reader.TokenType}.");
        }

        var text = reader.GetString() ?? string.Empty;
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{Shorten(text)}' is not a TOPdesk date (expected e.g. 2020-10-01T14:10:00.000+0000 or ISO 8601).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToUniversalTime().ToString(WriteFormat, CultureInfo.InvariantCulture));
    }

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalised = CompactOffset().Replace(text.Trim(), "$1$2:$3");
        return DateTimeOffset.TryParse(
            normalised,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value)
            && LooksLikeADate().IsMatch(normalised);
    }

    private static string Shorten(string text) => TextCut.Shorten(text, 41);

    /// <summary>"…00.000+0000" → "…00.000+00:00".</summary>
    [GeneratedRegex(@"(T[\d:.]+)([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeADate();
}
