using System.Globalization;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>
/// Where a TOPdesk poll stands, as the opaque watermark the engine stores. Normally just the latest modification
/// date seen (ISO 8601, UTC). While TOPdesk has more pages, it also says where the next page starts:
/// "&lt;latest&gt;|&lt;since&gt;|&lt;from&gt;@&lt;read&gt;#&lt;last id&gt;" (see <see cref="ListPosition"/>), so a burst of changes
/// inside the overlap cannot make the poll start over for ever. A watermark written before keyset paging,
/// "&lt;latest&gt;|&lt;since&gt;@&lt;pageStart&gt;", resumes at that offset once, then goes on by keyset.
/// </summary>
internal sealed record PollWatermark(DateTimeOffset? Latest, DateTimeOffset? ResumeSince = null, ListPosition? ResumeAt = null)
{
    public static PollWatermark Parse(string? watermark)
    {
        if (string.IsNullOrWhiteSpace(watermark))
        {
            return new PollWatermark(Latest: null);
        }

        var parts = watermark.Split('|', 3);
        var latest = DateOf(parts[0]);
        if (parts.Length == 3 && DateOf(parts[1]) is { } since && PositionOf(parts[2]) is { } position)
        {
            return new PollWatermark(latest, since, position);
        }

        if (parts.Length == 2 && parts[1].Split('@', 2) is [var legacySince, var at]
            && DateOf(legacySince) is { } resumeSince
            && int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var resumeAt))
        {
            return new PollWatermark(latest, resumeSince, ListPosition.StartAt(resumeSince) with { Read = resumeAt });
        }

        return new PollWatermark(latest);
    }

    public override string ToString()
    {
        var latest = Latest is { } date ? Format(date) : string.Empty;
        return ResumeSince is { } since && ResumeAt is { } at
            ? $"{latest}|{Format(since)}|{Format(at.From)}@{at.Read.ToString(CultureInfo.InvariantCulture)}#{at.LastId}"
            : latest;
    }

    private static ListPosition? PositionOf(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (at < 0 || hash < at || DateOf(text[..at]) is not { } from
            || !int.TryParse(text[(at + 1)..hash], NumberStyles.None, CultureInfo.InvariantCulture, out var read))
        {
            return null;
        }

        var lastId = text[(hash + 1)..];
        return new ListPosition(from, read, lastId.Length == 0 || read == 0 ? null : lastId);
    }

    private static string Format(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? DateOf(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
