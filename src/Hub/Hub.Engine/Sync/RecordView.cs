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
            if (ValueOf(change.Fields, change.RawValues, field) is { } value)
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

    /// <summary>
    /// The fields a command sets in its target, each with the fingerprint its read-back will show (as <see cref="Of"/>
    /// would print it), or null where the command names the field without a value.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Writes(CaseFields fields, IReadOnlyDictionary<string, string> targetValues)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(targetValues);
        var written = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in RouteFieldNames.All.Where(field => targetValues.ContainsKey(field) || CaseState.Read(fields, field) is not null))
        {
            written[field] = ValueOf(fields, targetValues, field) is { } value ? Fingerprint(value) : null;
        }

        return written;
    }

    /// <summary>A value-mapped field by the system's own value, any other by its canonical value.</summary>
    private static object? ValueOf(CaseFields fields, IReadOnlyDictionary<string, string> rawValues, string field) =>
        rawValues.TryGetValue(field, out var raw) && !string.IsNullOrWhiteSpace(raw) ? raw : CaseState.Read(fields, field);

    private static string Fingerprint(object value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SyncJson.Serialize(value))))[..16];
}
