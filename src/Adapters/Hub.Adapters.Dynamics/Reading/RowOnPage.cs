using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Reading;

/// <summary>
/// One row of a Web API page, read on its own: a column of an unexpected type or a date that does not parse makes this
/// row unreadable (with what could still be read of it: its id, number, version and modifiedon) and leaves the rest of
/// the page alone.
/// </summary>
internal static class RowOnPage
{
    public static bool TryRead<TRow>(JsonElement item, [NotNullWhen(true)] out TRow? row, out Exception? failure)
        where TRow : class
    {
        try
        {
            row = item.Deserialize<TRow>(JsonSerializerOptions.Web) ?? throw new JsonException("the row is null.");
            failure = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            row = null;
            failure = e;
            return false;
        }
    }

    /// <summary>A case row that could not be read or translated, as the engine journals it.</summary>
    public static Unreadable Case(JsonElement item, Exception failure, bool read)
    {
        var hash = HashOf(item);
        var id = TextOf(item, "incidentid") ?? TextOf(item, "id") ?? "unidentified:" + hash;
        var number = TextOf(item, "ticketnumber");
        var version = TextOf(item, "versionnumber") ?? TextOf(item, "@odata.etag") ?? "unversioned";
        return new Unreadable(
            new UnreadableRecord(id, number, $"{version}#{hash}", $"Dynamics case {number ?? id} {Why(failure, read)}"),
            DateOf(item, "modifiedon"));
    }

    /// <summary>A note row that could not be read or translated: set aside on its case (its version is the note's own id).</summary>
    public static Unreadable Note(JsonElement item, Exception failure, bool read)
    {
        var hash = HashOf(item);
        var note = TextOf(item, "annotationid") ?? "unidentified:" + hash;
        var onCase = TextOf(item, "_objectid_value") ?? note;
        return new Unreadable(
            new UnreadableRecord(onCase, null, $"note:{note}#{hash}", $"Dynamics note {note} on case {onCase} {Why(failure, read)}"),
            DateOf(item, "modifiedon"));
    }

    private static string Why(Exception failure, bool read)
    {
        if (!read)
        {
            return $"cannot be translated: {failure.GetType().Name}: {failure.Message}";
        }

        var said = failure.Message;
        return failure is JsonException { Path: { Length: > 0 } path } && !said.Contains(path, StringComparison.Ordinal)
            ? $"cannot be read: {said} (at {path})"
            : $"cannot be read: {said}";
    }

    private static string HashOf(JsonElement item) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.GetRawText())))[..12];

    private static string? TextOf(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static DateTimeOffset? DateOf(JsonElement item, string property) =>
        DateTimeOffset.TryParse(TextOf(item, property), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    /// <summary>The record for the engine, and the row's modifiedon when even that could be read (for the watermark).</summary>
    public sealed record Unreadable(UnreadableRecord Record, DateTimeOffset? ModifiedOn);
}
