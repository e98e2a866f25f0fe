using System.Globalization;

namespace Hub.Abstractions.Model;

/// <summary>
/// The one sentence for an appointment that people read, in the target's language and told in the hub's time zone
/// (Hub:Sync:TimeZone, whatever offset the window came with): "Monteur komt dinsdag 24-11 tussen 08:00 en 11:00". The
/// engine writes it into the appointment's command; an adapter given an appointment without one writes it the same way
/// (<see cref="Adapters.SystemContext.AppointmentSentence"/>).
/// </summary>
public static class AppointmentText
{
    public static string For(AppointmentWindow window, string? language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(zone);
        var start = TimeZoneInfo.ConvertTime(window.Start, zone);
        var end = TimeZoneInfo.ConvertTime(window.End, zone);
        if (string.Equals(language, Languages.English, StringComparison.OrdinalIgnoreCase))
        {
            var en = CultureInfo.GetCultureInfo("en-GB");
            return string.Create(en, $"Engineer visits {start.ToString("dddd", en)} {start:dd-MM} between {start:HH:mm} and {end:HH:mm}");
        }

        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return string.Create(nl, $"Monteur komt {start.ToString("dddd", nl)} {start:dd-MM} tussen {start:HH:mm} en {end:HH:mm}");
    }
}
