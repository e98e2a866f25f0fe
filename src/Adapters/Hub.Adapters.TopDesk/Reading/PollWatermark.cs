using System.Globalization;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>
/// Where a TOPdesk poll stands, as the opaque watermark the engine stores. Normally just the latest modification
/// date seen (ISO 8601, UTC). When a poll stopped at its page limit, it also says where to resume the same
/// selection: "&lt;latest&gt;|&lt;since&gt;@&lt;pageStart&gt;", so a burst of changes inside the overlap cannot make
/// the poll start over for ever.
/// </summary>
internal sealed record PollWatermark(DateTimeOffset? Latest, DateTimeOffset? ResumeSince = null, int ResumeAt = 0)
{
    public static PollWatermark Parse(string? watermark)
    {
        if (string.IsNullOrWhiteSpace(watermark))
        {
            return new PollWatermark(Latest: null);
        }

        var parts = watermark.Split('|', 2);
        var latest = DateOf(parts[0]);
        if (parts.Length == 2 && parts[1].Split('@', 2) is [var since, var at]
            && DateOf(since) is { } resumeSince
            && int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var resumeAt))
        {
            return new PollWatermark(latest, resumeSince, resumeAt);
        }

        return new PollWatermark(latest);
    }

    public override string ToString()
    {
        var latest = Latest is { } date ? Format(date) : string.Empty;
        return ResumeSince is { } since ? $"{latest}|{Format(since)}@{ResumeAt.ToString(CultureInfo.InvariantCulture)}" : latest;
    }

    private static string Format(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? DateOf(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
