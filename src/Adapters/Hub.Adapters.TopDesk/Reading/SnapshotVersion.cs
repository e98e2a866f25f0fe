using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>
/// The version of an incident snapshot: its modification date plus a short hash of what the hub reads. TOPdesk's
/// modification dates are second-granular, so two changes in one second differ by the hash; re-reading the same
/// state gives the same version, so the engine's inbox drops it.
/// </summary>
internal static class SnapshotVersion
{
    public static string Of(DateTimeOffset? modified, CaseFields fields, IReadOnlyDictionary<string, string> rawValues, bool completed, bool closed)
    {
        var state = JsonSerializer.Serialize(new { fields, raw = rawValues.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray(), completed, closed });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)))[..12];
        var stamp = modified?.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture) ?? "undated";
        return $"{stamp}#{hash}";
    }
}
