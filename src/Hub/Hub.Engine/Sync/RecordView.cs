using System.Security.Cryptography;
using System.Text;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Engine.Sync;

/// <summary>
/// What one snapshot of a record says, field by field, as short fingerprints: a value-mapped field by the system's own
/// value (so a lossy value map cannot make two equal readings differ), every other field by its canonical value.
/// Fields the snapshot does not report are absent.
/// </summary>
public static class RecordView
{
    public static Dictionary<string, string> Of(ObservedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var view = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in RouteFieldNames.All)
        {
            object? value = change.RawValues.TryGetValue(field, out var raw) && !string.IsNullOrWhiteSpace(raw)
                ? raw
                : CaseState.Read(change.Fields, field);
            if (value is not null)
            {
                view[field] = Fingerprint(value);
            }
        }

        return view;
    }

    /// <summary>The same snapshot saying only the given fields.</summary>
    public static ObservedChange Only(ObservedChange change, IReadOnlyCollection<string> fields)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(fields);
        var f = change.Fields;
        return change with
        {
            Fields = new CaseFields
            {
                Title = fields.Contains(RouteFieldNames.Title) ? f.Title : null,
                Description = fields.Contains(RouteFieldNames.Description) ? f.Description : null,
                Status = fields.Contains(RouteFieldNames.Status) ? f.Status : null,
                Priority = fields.Contains(RouteFieldNames.Priority) ? f.Priority : null,
                Category = fields.Contains(RouteFieldNames.Category) ? f.Category : null,
                Subcategory = fields.Contains(RouteFieldNames.Subcategory) ? f.Subcategory : null,
                Location = fields.Contains(RouteFieldNames.Location) ? f.Location : null,
                Reporter = fields.Contains(RouteFieldNames.Reporter) ? f.Reporter : null,
                TargetDate = fields.Contains(RouteFieldNames.TargetDate) ? f.TargetDate : null,
                Appointment = fields.Contains(RouteFieldNames.Appointment) ? f.Appointment : null,
                Resolution = fields.Contains(RouteFieldNames.Resolution) ? f.Resolution : null,
            },
            RawValues = change.RawValues.Where(kv => fields.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>The names of the fields a command sets in its target.</summary>
    public static IReadOnlyList<string> FieldsOf(CaseFields fields, IReadOnlyDictionary<string, string> targetValues)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(targetValues);
        return [.. RouteFieldNames.All.Where(field => targetValues.ContainsKey(field) || CaseState.Read(fields, field) is not null)];
    }

    private static string Fingerprint(object value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SyncJson.Serialize(value))))[..16];
}
