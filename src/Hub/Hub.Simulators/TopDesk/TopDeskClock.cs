using System.Globalization;

namespace Hub.Simulators.TopDesk;

/// <summary>Dates the way TOPdesk writes and reads them.</summary>
internal static class TopDeskClock
{
    public static DateTimeOffset ToSecond(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>TOPdesk's own form: 2020-10-01T14:10:00.000+0000.</summary>
    public static string Classic(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>The form of <c>dateFormat=iso8601</c>: 2020-10-01T14:10:00Z.</summary>
    public static string Iso(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The form of action entry dates in published fixtures: 2022-04-26T08:21:48.520Z.</summary>
    public static string IsoWithMilliseconds(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a date as TOPdesk accepts it: ISO 8601 with Z, +0200 or +02:00; no offset means UTC.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        var normalised = text.Trim();
        if (normalised.Length > 5 && (normalised[^5] == '+' || normalised[^5] == '-') && normalised[^3] != ':'
            && normalised.IndexOf('T', StringComparison.Ordinal) > 0)
        {
            normalised = normalised[..^2] + ":" + normalised[^2..];
        }

        return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
