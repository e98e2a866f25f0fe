using Hub.Abstractions.Model;

namespace Hub.Engine.Mapping.Loading;

/// <summary>The canonical values a value map may name: CaseStatus for status, CasePriority for priority, free text otherwise.</summary>
internal static class CanonicalValues
{
    /// <summary>The allowed names for a field, or null when the field takes free text.</summary>
    public static IReadOnlyList<string>? NamesFor(string field) => field switch
    {
        MappedField.Status => Enum.GetNames<CaseStatus>(),
        MappedField.Priority => Enum.GetNames<CasePriority>(),
        _ => null,
    };

    /// <summary>The enum name spelled as the hub spells it ("inprogress" → "InProgress"); the value itself when unknown or free.</summary>
    public static string Normalize(string field, string value) =>
        NamesFor(field)?.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) ?? value;

    public static bool IsKnown(string field, string value) =>
        NamesFor(field) is not { } names || names.Contains(value, StringComparer.OrdinalIgnoreCase);
}
