using System.Globalization;

namespace Hub.Adapters.ServiceNow.Reading;

/// <summary>
/// Times as the Table API writes them with <c>sysparm_display_value=false</c> and as encoded queries compare them: UTC,
/// <c>yyyy-MM-dd HH:mm:ss</c>, whole seconds. (Display values are in the session user's zone; the hub reads values.)
/// </summary>
internal static class ServiceNowTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public static string Write(DateTimeOffset moment) => moment.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateTimeOffset moment) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out moment);

    public static DateTimeOffset Read(string column, string text) =>
        TryRead(text, out var moment) ? moment : throw new FormatException($"column '{column}': '{text}' is not a time of the form {Format}.");

    public static DateTimeOffset ToSecond(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
