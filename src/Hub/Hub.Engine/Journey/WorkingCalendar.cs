using System.Globalization;

namespace Hub.Engine.Journey;

/// <summary>
/// Working time in the hub's zone (Hub:Sync:TimeZone): Monday to Friday within the working hours (Hub:Sync:WorkingHours),
/// except the holidays (Hub:Sync:Holidays). A route's expected time ("within 1 working day") is counted on it: a working day
/// is one day's working hours, so a work order sent on Friday at 16:00 is expected on Monday at 16:00. Hours are counted
/// on the wall clock of the zone, so a change to or from summer time moves no deadline.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly TimeZoneInfo zone;
    private readonly TimeOnly opens;
    private readonly TimeOnly closes;
    private readonly HashSet<DateOnly> holidays;

    public WorkingCalendar(TimeZoneInfo zone, TimeOnly opens, TimeOnly closes, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(holidays);
        if (closes <= opens)
        {
            throw new ArgumentOutOfRangeException(nameof(closes), $"The working day must close ({closes}) after it opens ({opens}).");
        }

        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.holidays = [.. holidays];
    }

    public TimeZoneInfo Zone => zone;

    /// <summary>The working time of one working day.</summary>
    public TimeSpan WorkingDay => closes - opens;

    /// <summary>Reads the settings; false with the key and what is wrong when one cannot be read.</summary>
    public static bool TryRead(TimeZoneInfo zone, string workingHours, IEnumerable<string> holidays, out WorkingCalendar calendar, out (string Key, string Text) problem)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        calendar = null!;
        problem = default;
        var parts = (workingHours ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            || closes <= opens)
        {
            problem = ("Hub:Sync:WorkingHours", $"'{workingHours}' is not a working day; write opening and closing time as \"08:00-17:00\".");
            return false;
        }

        var days = new List<DateOnly>();
        var index = 0;
        foreach (var holiday in holidays)
        {
            if (!DateOnly.TryParseExact(holiday?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problem = ($"Hub:Sync:Holidays:{index}", $"'{holiday}' is not a date; write it as \"2026-12-25\".");
                return false;
            }

            days.Add(day);
            index++;
        }

        calendar = new WorkingCalendar(zone, opens, closes, days);
        return true;
    }

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>When <paramref name="working"/> of working time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan working)
    {
        if (working < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(working), "Working time to add cannot be negative.");
        }

        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var at = TimeOnly.FromDateTime(local);
        var left = working;
        for (var guard = 0; guard < 3660; guard++)
        {
            if (!IsWorkingDay(day) || at >= closes)
            {
                (day, at) = (day.AddDays(1), opens);
                continue;
            }

            if (at < opens)
            {
                at = opens;
            }

            var today = closes - at;
            if (left <= today)
            {
                return Wall(day, at.Add(left));
            }

            left -= today;
            (day, at) = (day.AddDays(1), opens);
        }

        throw new InvalidOperationException("No working day within ten years: check Hub:Sync:Holidays.");
    }

    private DateTimeOffset Wall(DateOnly day, TimeOnly at)
    {
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
