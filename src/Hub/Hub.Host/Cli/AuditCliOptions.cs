using System.CommandLine;
using System.Globalization;

namespace Hub.Host.Cli;

/// <summary>Options the audit commands share (time range), built fresh for each command.</summary>
internal static class AuditCliOptions
{
    public static Option<DateTimeOffset?> Since() =>
        Time("--since", "Only entries at or after this time (ISO-8601, e.g. 2026-11-01 or 2026-11-01T08:00:00Z; without an offset, UTC).");

    public static Option<DateTimeOffset?> Until() =>
        Time("--until", "Only entries before this time (exclusive; same forms as --since).");

    private static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return at;
            }

            result.AddError($"{name}: '{text}' is not a time. Use ISO-8601, e.g. 2026-11-01 or 2026-11-01T08:00:00Z.");
            return null;
        },
    };
}
