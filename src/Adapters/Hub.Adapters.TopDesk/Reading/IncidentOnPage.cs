using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Adapters.TopDesk.Api;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>
/// One incident of a list page, read on its own: a field of an unexpected type or shape, or a date that does not
/// parse, makes this incident unreadable (with what could still be read of it: id, number, modification date) and
/// leaves the rest of the page alone.
/// </summary>
internal static class IncidentOnPage
{
    public static bool TryRead(JsonElement item, [NotNullWhen(true)] out TopDeskIncident? incident, [NotNullWhen(false)] out Unreadable? unreadable)
    {
        try
        {
            incident = item.Deserialize<TopDeskIncident>(TopDeskJson.Options)
                       ?? throw new JsonException("the incident is null.");
            unreadable = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            incident = null;
            unreadable = Describe(item, WhyNot(e));
            return false;
        }
    }

    /// <summary>The id and modification date paging needs, as far as they can be read (see <see cref="ListPosition"/>).</summary>
    public static ListedIncident ListedAs(JsonElement item)
    {
        var modifiedText = TextOf(item, "modificationDate");
        DateTimeOffset? modified = TopDeskDateConverter.TryParse(modifiedText, out var parsed) ? parsed : null;
        return new ListedIncident(TextOf(item, "id") ?? "unidentified:" + HashOf(item), modified);
    }

    /// <summary>An incident that was read but could not be translated to the hub's words.</summary>
    public static Unreadable Untranslatable(JsonElement item, Exception failure) => Describe(item, $"cannot be translated: {failure.GetType().Name}: {failure.Message}");

    private static Unreadable Describe(JsonElement item, string why)
    {
        var hash = HashOf(item);
        var id = TextOf(item, "id") ?? "unidentified:" + hash;
        var number = TextOf(item, "number");
        var modifiedText = TextOf(item, "modificationDate");
        DateTimeOffset? modified = TopDeskDateConverter.TryParse(modifiedText, out var parsed) ? parsed : null;
        var reason = $"TOPdesk incident {number ?? id} {why}";
        return new Unreadable(new UnreadableRecord(id, number, $"{modifiedText ?? "undated"}#{hash}", reason), modified);
    }

    private static string HashOf(JsonElement item) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.GetRawText())))[..12];

    private static string WhyNot(Exception failure)
    {
        var said = failure.Message;
        return failure is JsonException { Path: { Length: > 0 } path } && !said.Contains(path, StringComparison.Ordinal)
            ? $"cannot be read: {said} (at {path})"
            : $"cannot be read: {said}";
    }

    private static string? TextOf(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The record for the engine, and the modification date when even that could be read (for the watermark).</summary>
    public sealed record Unreadable(UnreadableRecord Record, DateTimeOffset? ModifiedAt);
}
