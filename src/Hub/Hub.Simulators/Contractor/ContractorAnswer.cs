using System.Globalization;

namespace Hub.Simulators.Contractor;

/// <summary>The three answers a contractor gives to a work order, in Dutch, in the words real contractors use.</summary>
public static class ContractorAnswer
{
    private static readonly string[] DutchWeekdays = ["zo", "ma", "di", "wo", "do", "vr", "za"];

    public static string Accepted => "Akkoord, we pakken het op.";

    public static string Done => "Gereed. Het probleem is verholpen.";

    /// <summary>"gepland di 24-11 08:00-11:00": the first working day after tomorrow-or-later, morning window.</summary>
    public static string Scheduled(DateTimeOffset now, TimeZoneInfo zone)
    {
        var day = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"gepland {DutchWeekdays[(int)day.DayOfWeek]} {day:dd-MM} 08:00-11:00");
    }
}
