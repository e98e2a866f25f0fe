using System.Globalization;

namespace Hub.Simulators.Contractor;

/// <summary>The three answers a contractor gives to a work order, in Dutch (or English), in the words real contractors use.</summary>
public static class ContractorAnswer
{
    private static readonly string[] DutchWeekdays = ["zo", "ma", "di", "wo", "do", "vr", "za"];
    private static readonly string[] EnglishWeekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static string Accepted => "Akkoord, we pakken het op.";

    public static string Done => "Gereed. Het probleem is verholpen.";

    /// <summary>The answer in the language ("en": English; anything else: Dutch): 0 accepted, 1 scheduled, 2 done.</summary>
    public static string Of(int answer, string language, DateTimeOffset now, TimeZoneInfo zone)
    {
        var english = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
        return answer switch
        {
            0 => english ? "Accepted, we will pick it up." : Accepted,
            1 => english ? Scheduled(now, zone, "scheduled", EnglishWeekdays) : Scheduled(now, zone),
            _ => english ? "Done. The problem has been fixed." : Done,
        };
    }

    /// <summary>"gepland di 24-11 08:00-11:00": the first working day after tomorrow-or-later, morning window.</summary>
    public static string Scheduled(DateTimeOffset now, TimeZoneInfo zone) => Scheduled(now, zone, "gepland", DutchWeekdays);

    private static string Scheduled(DateTimeOffset now, TimeZoneInfo zone, string word, string[] weekdays)
    {
        var day = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{word} {weekdays[(int)day.DayOfWeek]} {day:dd-MM} 08:00-11:00");
    }
}
