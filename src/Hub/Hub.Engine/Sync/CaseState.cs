using Hub.Abstractions.Mapping;
using System.Globalization;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>Reads and writes the canonical fields of a stored case, one named field at a time.</summary>
public static class CaseState
{
    public static CaseFields ToFields(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CaseFields
        {
            Title = record.Title,
            Description = record.Description,
            Status = Enum.TryParse<CaseStatus>(record.Status, out var status) ? status : null,
            Priority = Enum.TryParse<CasePriority>(record.Priority, out var priority) ? priority : null,
            Category = record.Category,
            Subcategory = record.Subcategory,
            Location = record.Site is null && record.Building is null && record.Floor is null && record.Room is null
                ? null
                : new CaseLocation(record.Site, record.Building, record.Floor, record.Room),
            Reporter = record.ReporterName is null && record.ReporterEmail is null && record.ReporterPhone is null
                ? null
                : new CaseReporter(record.ReporterName, record.ReporterEmail, record.ReporterPhone),
            TargetDate = record.TargetDate,
            Appointment = record.AppointmentStart is { } start && record.AppointmentEnd is { } end ? new AppointmentWindow(start, end) : null,
            Resolution = record.Resolution,
        };
    }

    /// <summary>The names of the fields the incoming values set to something other than what the case holds.</summary>
    public static IReadOnlyList<string> Differences(CaseFields current, CaseFields incoming)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        var changed = new List<string>();
        foreach (var field in RouteFieldNames.All)
        {
            var value = Read(incoming, field);
            if (value is not null && !Equals(value, Read(current, field)))
            {
                changed.Add(field);
            }
        }

        return changed;
    }

    public static object? Read(CaseFields fields, string field)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return field switch
        {
            RouteFieldNames.Title => fields.Title,
            RouteFieldNames.Description => fields.Description,
            RouteFieldNames.Status => fields.Status,
            RouteFieldNames.Priority => fields.Priority,
            RouteFieldNames.Category => fields.Category,
            RouteFieldNames.Subcategory => fields.Subcategory,
            RouteFieldNames.Location => fields.Location,
            RouteFieldNames.Reporter => fields.Reporter,
            RouteFieldNames.TargetDate => fields.TargetDate,
            RouteFieldNames.Appointment => fields.Appointment,
            RouteFieldNames.Resolution => fields.Resolution,
            _ => null,
        };
    }

    /// <summary>A field's value as journal text.</summary>
    public static string? Describe(CaseFields fields, string field) => Read(fields, field) switch
    {
        null => null,
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        AppointmentWindow w => FormattableString.Invariant($"{w.Start:O} – {w.End:O}"),
        var other => other.ToString(),
    };

    /// <summary>Copies the named fields from <paramref name="incoming"/> onto the record.</summary>
    public static void Apply(CaseRecord record, CaseFields incoming, IEnumerable<string> fieldNames)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(fieldNames);
        foreach (var field in fieldNames)
        {
            switch (field)
            {
                case RouteFieldNames.Title: record.Title = incoming.Title; break;
                case RouteFieldNames.Description: record.Description = incoming.Description; break;
                case RouteFieldNames.Status: record.Status = incoming.Status?.ToString(); break;
                case RouteFieldNames.Priority: record.Priority = incoming.Priority?.ToString(); break;
                case RouteFieldNames.Category: record.Category = incoming.Category; break;
                case RouteFieldNames.Subcategory: record.Subcategory = incoming.Subcategory; break;
                case RouteFieldNames.Location:
                    record.Site = incoming.Location?.Site;
                    record.Building = incoming.Location?.Building;
                    record.Floor = incoming.Location?.Floor;
                    record.Room = incoming.Location?.Room;
                    break;
                case RouteFieldNames.Reporter:
                    record.ReporterName = incoming.Reporter?.Name;
                    record.ReporterEmail = incoming.Reporter?.Email;
                    record.ReporterPhone = incoming.Reporter?.Phone;
                    break;
                case RouteFieldNames.TargetDate: record.TargetDate = incoming.TargetDate; break;
                case RouteFieldNames.Appointment:
                    record.AppointmentStart = incoming.Appointment?.Start;
                    record.AppointmentEnd = incoming.Appointment?.End;
                    break;
                case RouteFieldNames.Resolution: record.Resolution = incoming.Resolution; break;
                default: break;
            }
        }
    }

    /// <summary>A CaseFields holding only the named fields of <paramref name="source"/>.</summary>
    public static CaseFields Only(CaseFields source, IReadOnlyCollection<string> fieldNames)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fieldNames);
        bool Has(string name) => fieldNames.Contains(name);
        return new CaseFields
        {
            Title = Has(RouteFieldNames.Title) ? source.Title : null,
            Description = Has(RouteFieldNames.Description) ? source.Description : null,
            Status = Has(RouteFieldNames.Status) ? source.Status : null,
            Priority = Has(RouteFieldNames.Priority) ? source.Priority : null,
            Category = Has(RouteFieldNames.Category) ? source.Category : null,
            Subcategory = Has(RouteFieldNames.Subcategory) ? source.Subcategory : null,
            Location = Has(RouteFieldNames.Location) ? source.Location : null,
            Reporter = Has(RouteFieldNames.Reporter) ? source.Reporter : null,
            TargetDate = Has(RouteFieldNames.TargetDate) ? source.TargetDate : null,
            Appointment = Has(RouteFieldNames.Appointment) ? source.Appointment : null,
            Resolution = Has(RouteFieldNames.Resolution) ? source.Resolution : null,
        };
    }
}
