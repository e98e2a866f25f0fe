using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Engine.Readiness;

/// <summary>The values a mapping writes for one system, per value-mapped field (status, priority, category, subcategory).</summary>
internal static class MappedValuesInUse
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(MappingSet mappings, string systemName) =>
        MappedField.All.ToDictionary(
            field => field,
            field => (IReadOnlyList<string>)mappings.ValueMaps
                .Where(m => string.Equals(m.System, systemName, StringComparison.OrdinalIgnoreCase) && string.Equals(m.Field, field, StringComparison.OrdinalIgnoreCase))
                .SelectMany(m => m.Values.Select(v => v.SystemValue))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList(),
            StringComparer.OrdinalIgnoreCase);
}
