using Hub.Abstractions.Model;

namespace Hub.Abstractions.Mapping;

/// <summary>All mapping files merged: systems, value maps, routes, contractors, templates, reply phrases and milestone sentences.</summary>
public sealed class MappingSet
{
    public IReadOnlyDictionary<string, SystemMapping> Systems { get; init; } = new Dictionary<string, SystemMapping>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<ValueMap> ValueMaps { get; init; } = [];
    public IReadOnlyList<RouteMapping> Routes { get; init; } = [];
    public IReadOnlyList<ContractorMapping> Contractors { get; init; } = [];
    public IReadOnlyList<MessageTemplate> Templates { get; init; } = [];
    public IReadOnlyList<ReplyPhrases> Phrases { get; init; } = [];
    public IReadOnlyList<MilestoneTemplates> Milestones { get; init; } = [];

    /// <summary>A short hash of the merged content, journaled as "mapping used".</summary>
    public string Version { get; init; } = "none";

    public static MappingSet Empty { get; } = new();

    /// <summary>
    /// Translates a system's own value to the canonical one (case-insensitive); false when no entry knows it,
    /// unless the map lets unknown values pass through unchanged (<see cref="UnmappedValues.PassThrough"/>).
    /// </summary>
    public bool TryMapInbound(string system, string field, string systemValue, out string canonicalValue)
    {
        foreach (var entry in EntriesOf(system, field))
        {
            if (entry.Direction != MapDirection.Outbound && string.Equals(entry.SystemValue, systemValue, StringComparison.OrdinalIgnoreCase))
            {
                canonicalValue = entry.CanonicalValue;
                return true;
            }
        }

        canonicalValue = PassesThrough(system, field) ? systemValue : string.Empty;
        return canonicalValue.Length > 0;
    }

    /// <summary>
    /// Translates a canonical value to the system's own (case-insensitive); false when no entry knows it,
    /// unless the map lets unknown values pass through unchanged (<see cref="UnmappedValues.PassThrough"/>).
    /// </summary>
    public bool TryMapOutbound(string system, string field, string canonicalValue, out string systemValue)
    {
        foreach (var entry in EntriesOf(system, field))
        {
            if (entry.Direction != MapDirection.Inbound && string.Equals(entry.CanonicalValue, canonicalValue, StringComparison.OrdinalIgnoreCase))
            {
                systemValue = entry.SystemValue;
                return true;
            }
        }

        systemValue = PassesThrough(system, field) ? canonicalValue : string.Empty;
        return systemValue.Length > 0;
    }

    /// <summary>True when a value map exists for this system and field (no map: values pass through unmapped).</summary>
    public bool HasValueMap(string system, string field) => EntriesOf(system, field).Any();

    /// <summary>The language of the texts the hub writes to a system (<see cref="SystemMapping.Language"/>); the default for a system the mappings do not declare.</summary>
    public string LanguageOf(string system) =>
        Systems.TryGetValue(system, out var declared) ? declared.Language : Languages.Default;

    public IEnumerable<RouteMapping> RoutesFrom(string system) =>
        Routes.Where(r => string.Equals(r.From, system, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<RouteMapping> RoutesTo(string system) =>
        Routes.Where(r => string.Equals(r.To, system, StringComparison.OrdinalIgnoreCase));

    /// <summary>The contractor for a case, by the route's ContractorBy rule; null when none fits.</summary>
    public ContractorMapping? FindContractor(RouteMapping route, CaseFields fields)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(fields);
        return route.ContractorBy?.ToUpperInvariant() switch
        {
            "SUBCATEGORY" when fields.Subcategory is { } sub =>
                Contractors.FirstOrDefault(c => c.Subcategories.Contains(sub, StringComparer.OrdinalIgnoreCase)),
            "CATEGORY" when fields.Category is { } cat =>
                Contractors.FirstOrDefault(c => c.Categories.Contains(cat, StringComparer.OrdinalIgnoreCase)),
            _ => null,
        };
    }

    public ContractorMapping? FindContractorById(string id) =>
        Contractors.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    public MessageTemplate? TemplateFor(string language) =>
        Templates.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase))
        ?? (Templates.Count > 0 ? Templates[0] : null);

    /// <summary>The milestone sentences in the language, else in the default language; null when the mappings have none.</summary>
    public MilestoneTemplates? MilestonesFor(string language) =>
        Milestones.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase))
        ?? Milestones.FirstOrDefault(t => string.Equals(t.Language, Languages.Default, StringComparison.OrdinalIgnoreCase));

    private bool PassesThrough(string system, string field) =>
        MapsOf(system, field).Any(m => m.Unmapped == UnmappedValues.PassThrough);

    private IEnumerable<ValueMap> MapsOf(string system, string field) =>
        ValueMaps.Where(m => string.Equals(m.System, system, StringComparison.OrdinalIgnoreCase)
                             && string.Equals(m.Field, field, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<ValueMapEntry> EntriesOf(string system, string field) =>
        MapsOf(system, field).SelectMany(m => m.Values);
}
