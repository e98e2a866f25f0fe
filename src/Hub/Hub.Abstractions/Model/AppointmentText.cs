using System.Globalization;

namespace Hub.Abstractions.Model;

/// <summary>A person's sentence for an appointment, in the target's language: "Monteur komt dinsdag 24-11 tussen 08:00 en 11:00".</summary>
public static class AppointmentText
{
    public static string For(AppointmentWindow window, string? language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(window);
        var start = TimeZoneInfo.ConvertTime(window.Start, zone);
        var end = TimeZoneInfo.ConvertTime(window.End, zone);
        if (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
        {
            var en = CultureInfo.GetCultureInfo("en-GB");
            return string.Create(en, $"Engineer visits {start.ToString("dddd", en)} {start:dd-MM} between {start:HH:mm} and {end:HH:mm}");
        }

        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return string.Create(nl, $"Monteur komt {start.ToString("dddd", nl)} {start:dd-MM} tussen {start:HH:mm} en {end:HH:mm}");
    }
}
