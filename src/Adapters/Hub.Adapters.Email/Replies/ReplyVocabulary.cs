using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Abstractions.Mapping;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// One language's <see cref="ReplyPhrases"/>, prepared for reading: phrases as word sequences, weekday and
/// month names (with their abbreviations) as lookups, and the date and appointment patterns built from them.
/// </summary>
internal sealed class ReplyVocabulary
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Words for "today", "tomorrow" and "the day after", in every language the hub reads.</summary>
    private static readonly Dictionary<string, int> RelativeDays = new(StringComparer.Ordinal)
    {
        ["vandaag"] = 0, ["morgen"] = 1, ["overmorgen"] = 2, ["today"] = 0, ["tomorrow"] = 1,
    };

    // Digits are [0-9] on purpose: \d would also match other scripts' digits, which int.Parse refuses.
    private const string Window =
        @"(?:(?:tussen|between|van|vanaf|from)\s+)?"
        + @"(?<sh>[0-9]{1,2})(?:[:.](?<sm>[0-9]{2}))?\s*(?:uur|u|h)?\s*(?<sap>am|pm)?"
        + @"\s*(?:-|tot|to|till|until|en|and)\s*"
        + @"(?<eh>[0-9]{1,2})(?:[:.](?<em>[0-9]{2}))?\s*(?<eap>am|pm)?(?:\s*(?:uur|u|h))?"
        + @"(?![\p{L}\p{N}])";

    private ReplyVocabulary(ReplyPhrases phrases)
    {
        Language = phrases.Language;
        Accepted = [.. phrases.Accepted.Select(Prepare)];
        Done = [.. phrases.Done.Select(Prepare)];
        Scheduled = [.. phrases.Scheduled.Select(Prepare)];
        Refused = [.. phrases.Refused.Select(Prepare)];
        Delayed = [.. phrases.Delayed.Select(Prepare)];
        Weekdays = NameLookup(phrases.Weekdays, index => (DayOfWeek)((index + 1) % 7));
        Months = NameLookup(phrases.Months, index => index + 1);
        var fullWeekdayNames = phrases.Weekdays.Select(entry => ReplyWords.Normalize(entry.Split('|')[0].Trim())).Where(name => name.Length > 0);

        var date = DatePattern(Weekdays.Keys, fullWeekdayNames, Months.Keys);
        DateOnly = new Regex(date, RegexOptions.CultureInvariant, PatternTimeout);
        Appointment = new Regex(date + @"[\s,]*(?:(?:om|op|at|on)\s+)?" + Window, RegexOptions.CultureInvariant, PatternTimeout);
    }

    public string Language { get; }
    public IReadOnlyList<string[]> Accepted { get; }
    public IReadOnlyList<string[]> Done { get; }
    public IReadOnlyList<string[]> Scheduled { get; }
    public IReadOnlyList<string[]> Refused { get; }
    public IReadOnlyList<string[]> Delayed { get; }
    public IReadOnlyDictionary<string, DayOfWeek> Weekdays { get; }
    public IReadOnlyDictionary<string, int> Months { get; }

    /// <summary>A date on its own ("24-11-2026", "dinsdag 24 november", "morgen").</summary>
    public Regex DateOnly { get; }

    /// <summary>A date followed by a time window ("24-11 08:00-11:00", "dinsdag 24 november tussen 8 en 11").</summary>
    public Regex Appointment { get; }

    public static int DaysFromToday(string relativeDay) => RelativeDays[relativeDay];

    /// <summary>Checks the phrases from the mappings and prepares them; a clear error names what is wrong.</summary>
    public static ReplyVocabulary From(ReplyPhrases phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        if (string.IsNullOrWhiteSpace(phrases.Language))
        {
            throw new ArgumentException("Reply phrases need a language (e.g. \"nl\").", nameof(phrases));
        }

        if (phrases.Weekdays.Count is not (0 or 7))
        {
            throw new ArgumentException(
                $"Reply phrases '{phrases.Language}': Weekdays must list 7 days, Monday first (found {phrases.Weekdays.Count}).",
                nameof(phrases));
        }

        if (phrases.Months.Count is not (0 or 12))
        {
            throw new ArgumentException(
                $"Reply phrases '{phrases.Language}': Months must list 12 months, January first (found {phrases.Months.Count}).",
                nameof(phrases));
        }

        return new ReplyVocabulary(phrases);
    }

    private static string[] Prepare(string phrase) => ReplyClauses.WordsOf(ReplyWords.Normalize(phrase));

    private static Dictionary<string, T> NameLookup<T>(IReadOnlyList<string> entries, Func<int, T> valueAt)
    {
        var lookup = new Dictionary<string, T>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            foreach (var name in entries[index].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                lookup.TryAdd(ReplyWords.Normalize(name), valueAt(index));
            }
        }

        return lookup;
    }

    /// <summary>
    /// Dates as contractors write them. A weekday on its own ("dinsdag tussen 8 en 11") is the next such day and
    /// must be written in full: abbreviations like "zo" or "do" are ordinary words too.
    /// </summary>
    private static string DatePattern(IEnumerable<string> weekdays, IEnumerable<string> fullWeekdayNames, IEnumerable<string> months)
    {
        var weekday = weekdays.Any() ? $@"(?:(?<wd>{Alternatives(weekdays)})\.?,?\s+)?" : string.Empty;
        var month = Alternatives(months);
        var textual = months.Any()
            ? $@"|(?<td>[0-9]{{1,2}})(?:ste|de|st|nd|rd|th|e)?\s+(?:of\s+)?(?<tm>{month})\.?(?:\s+(?<ty>[0-9]{{4}}))?"
              + $@"|(?<um>{month})\.?\s+(?<ud>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?<uy>[0-9]{{4}}))?"
            : string.Empty;
        return @"(?<![\p{L}\p{N}])" + weekday + "(?:"
            + @"(?<iy>[0-9]{4})-(?<im>[0-9]{1,2})-(?<id>[0-9]{1,2})"
            + @"|(?<nd>[0-9]{1,2})[-/.](?<nm>[0-9]{1,2})(?:[-/.](?<ny>[0-9]{4}|[0-9]{2}))?"
            + textual
            + $"|(?<rel>{Alternatives(RelativeDays.Keys)})"
            + (fullWeekdayNames.Any() ? $"|(?<day>{Alternatives(fullWeekdayNames)})" : string.Empty)
            + @")(?![\p{L}\p{N}])";
    }

    /// <summary>Longest first, so "november" wins over "nov".</summary>
    private static string Alternatives(IEnumerable<string> names) =>
        string.Join('|', names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape));

    internal static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);
}
