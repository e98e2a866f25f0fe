using System.Globalization;
using Hub.Abstractions.Model;

namespace Hub.Host.Cli;

/// <summary>How audit commands write times, durations and free text for people reading a terminal.</summary>
internal static class AuditText
{
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "<1m",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes:00}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h"),
    };

    /// <summary>One line, escape sequences, controls and bidi overrides removed (<see cref="TerminalText"/>), cut to <paramref name="width"/> with an ellipsis.</summary>
    public static string Cell(string? text, int width)
    {
        return TextCut.Shorten(TerminalText.Clean(text), width);
    }

    public static string Route(string? source, string? target) => (source, target) switch
    {
        (null, null) => string.Empty,
        (_, null) => source,
        (null, _) => "→ " + target,
        _ => source + " → " + target,
    };
}
