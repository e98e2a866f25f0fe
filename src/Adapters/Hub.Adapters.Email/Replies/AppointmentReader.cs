using System.Text.RegularExpressions;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// Finds "date + time window" in a normalized reply and turns it into an <see cref="AppointmentWindow"/> in the
/// contractor's time zone, with the offset that holds on that date (summer or winter time). A date without a
/// year is the next such date from today, a weekday alone the next such day; a weekday written with a date must fit it.
/// </summary>
internal sealed class AppointmentReader(TimeZoneInfo zone)
{
    public AppointmentReading Read(string normalizedText, ReplyVocabulary vocabulary, DateOnly today)
    {
        var match = vocabulary.Appointment.Match(normalizedText);
        if (!match.Success)
        {
            return AppointmentReading.None;
        }

        var date = DateOf(match, vocabulary, today);
        var (start, end) = WindowOf(match);
        if (date is null || start is null || end is null || end <= start)
        {
            return AppointmentReading.Unreadable;
        }

        var from = InZone(date.Value, start.Value);
        var until = InZone(date.Value, end.Value);
        return from is null || until is null
            ? AppointmentReading.Unreadable
            : new AppointmentReading(AppointmentOutcome.Found, new AppointmentWindow(from.Value, until.Value));
    }

    private static DateOnly? DateOf(Match match, ReplyVocabulary vocabulary, DateOnly today)
    {
        var date = match.Groups["rel"].Success ? today.AddDays(ReplyVocabulary.DaysFromToday(match.Groups["rel"].Value))
            : match.Groups["day"].Success ? NextWeekday(vocabulary.Weekdays[match.Groups["day"].Value], today)
            : CalendarDate(match, vocabulary, today);
        if (date is null || !match.Groups["wd"].Success)
        {
            return date;
        }

        return vocabulary.Weekdays[match.Groups["wd"].Value] == date.Value.DayOfWeek ? date : null;
    }

    /// <summary>"dinsdag" said on a Tuesday means next week's: today is "vandaag".</summary>
    private static DateOnly NextWeekday(DayOfWeek day, DateOnly today)
    {
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static DateOnly? CalendarDate(Match match, ReplyVocabulary vocabulary, DateOnly today)
    {
        var g = match.Groups;
        var (day, month, year) =
            g["iy"].Success ? (g["id"], MonthNumber(g["im"]), g["iy"])
            : g["nd"].Success ? (g["nd"], MonthNumber(g["nm"]), g["ny"])
            : g["td"].Success ? (g["td"], vocabulary.Months[g["tm"].Value], g["ty"])
            : (g["ud"], vocabulary.Months[g["um"].Value], g["uy"]);
        var dayNumber = ReplyVocabulary.Number(day);
        if (year.Success)
        {
            var yearNumber = ReplyVocabulary.Number(year);
            return Exists(yearNumber < 100 ? 2000 + yearNumber : yearNumber, month, dayNumber);
        }

        var thisYear = Exists(today.Year, month, dayNumber);
        return thisYear is { } date && date >= today ? date : Exists(today.Year + 1, month, dayNumber);
    }

    private static int MonthNumber(Group group) => ReplyVocabulary.Number(group);

    private static DateOnly? Exists(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>
    /// The window's clock times; "am"/"pm" written only after the end ("between 1 and 4pm") also applies to the
    /// start when the start's hour is not later than the end's.
    /// </summary>
    private static (TimeOnly? Start, TimeOnly? End) WindowOf(Match match)
    {
        var g = match.Groups;
        var startHour = ReplyVocabulary.Number(g["sh"]);
        var endHour = ReplyVocabulary.Number(g["eh"]);
        var endMeridiem = g["eap"].Value;
        var startMeridiem = g["sap"].Success ? g["sap"].Value : startHour <= endHour ? endMeridiem : string.Empty;
        return (ClockTime(startHour, g["sm"], startMeridiem), ClockTime(endHour, g["em"], endMeridiem));
    }

    private static TimeOnly? ClockTime(int hour, Group minute, string meridiem)
    {
        var m = minute.Success ? ReplyVocabulary.Number(minute) : 0;
        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (meridiem == "pm" ? 12 : 0);
        }

        return hour is >= 0 and <= 23 && m is >= 0 and <= 59 ? new TimeOnly(hour, m) : null;
    }

    /// <summary>The local time with the zone's offset on that date; null for a time the clock skips (spring forward).</summary>
    private DateTimeOffset? InZone(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
