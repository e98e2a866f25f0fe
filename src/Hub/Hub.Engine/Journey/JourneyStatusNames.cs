using Hub.Abstractions.Mapping;

namespace Hub.Engine.Journey;

/// <summary>
/// A system's status value by its own name, from the value maps: the description of the first inbound entry for the
/// value, up to its first '.', ':' or '(' (Dynamics statuscode "4" → "Researching"); without a description, the value
/// itself, which for systems with named statuses (TOPdesk "Ingepland") already is the name.
/// </summary>
public static class JourneyStatusNames
{
    private static readonly char[] NameEnds = ['.', ':', '('];

    public static string NameOf(MappingSet map, string system, string value)
    {
        ArgumentNullException.ThrowIfNull(map);
        var described = map.ValueMaps
            .Where(m => string.Equals(m.System, system, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(m.Field, "status", StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => m.Values)
            .Where(e => e.Direction != MapDirection.Outbound && string.Equals(e.SystemValue, value, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Description)
            .FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        if (described is null)
        {
            return value;
        }

        var end = described.IndexOfAny(NameEnds);
        var name = (end > 0 ? described[..end] : described).Trim();
        return name.Length > 0 ? name : value;
    }

    /// <summary>The system's value for a canonical status (what the hub would write there), else the canonical status itself.</summary>
    public static string ValueFor(MappingSet map, string system, string canonical)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.TryMapOutbound(system, "status", canonical, out var value) ? value : canonical;
    }
}
