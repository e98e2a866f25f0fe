using System.Globalization;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>The watermark of a TOPdesk poll: the latest modification date seen, as an ISO 8601 UTC string.</summary>
internal static class PollWatermark
{
    public static DateTimeOffset? Parse(string? watermark) =>
        DateTimeOffset.TryParse(watermark, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    public static string Format(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
