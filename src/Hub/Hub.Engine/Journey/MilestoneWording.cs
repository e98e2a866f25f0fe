using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Abstractions.Model;

namespace Hub.Engine.Journey;

/// <summary>
/// Fills in a milestone sentence of the mappings: {{appointment}} as <see cref="AppointmentText"/> tells it,
/// {{expectedBy}} as a day and time in the hub's zone ("donderdag 03-12 om 11:00", "Thursday 03-12 at 11:00"), the others
/// as given. A placeholder without a value becomes empty.
/// </summary>
public static partial class MilestoneWording
{
    /// <summary>The key of a milestone in the mapping files: "workOrderSent" for <see cref="Milestone.WorkOrderSent"/>.</summary>
    public static string KeyOf(Milestone milestone) => JsonNamingPolicyCamel(milestone.ToString());

    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(template, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? value : string.Empty).Trim();
    }

    /// <summary>A moment as the reporter reads it, in the language and the zone.</summary>
    public static string Moment(DateTimeOffset at, string language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        if (string.Equals(language, Languages.English, StringComparison.OrdinalIgnoreCase))
        {
            var en = CultureInfo.GetCultureInfo("en-GB");
            return string.Create(en, $"{local.ToString("dddd", en)} {local:dd-MM} at {local:HH:mm}");
        }

        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return string.Create(nl, $"{local.ToString("dddd", nl)} {local:dd-MM} om {local:HH:mm}");
    }

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
