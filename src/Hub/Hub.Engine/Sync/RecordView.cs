using System.Security.Cryptography;
using System.Text;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
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

    /// <summary>The same snapshot saying only the given fields (<see cref="CaseState.Only"/>), raw values too.</summary>
    public static ObservedChange Only(ObservedChange change, IReadOnlyCollection<string> fields)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(fields);
        return change with
        {
            Fields = CaseState.Only(change.Fields, fields),
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
