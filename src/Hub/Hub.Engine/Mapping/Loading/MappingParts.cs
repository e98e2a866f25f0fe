using Hub.Abstractions.Mapping;
namespace Hub.Engine.Mapping.Loading;

/// <summary>Everything read from the mapping files, each piece with the file and path it came from.</summary>
internal sealed class MappingParts
{
    public List<Located<SystemMapping>> Systems { get; } = [];
    public List<Located<ValueMap>> ValueMaps { get; } = [];
    public List<Located<RouteMapping>> Routes { get; } = [];
    public List<Located<ContractorMapping>> Contractors { get; } = [];
    public List<Located<MessageTemplate>> Templates { get; } = [];
    public List<Located<ReplyPhrases>> Phrases { get; } = [];
    public List<Located<MilestoneTemplates>> Milestones { get; } = [];

    /// <summary>Every value-map entry with its system, field and path ("$.valueMaps[0].values[3]").</summary>
    public IEnumerable<(ValueMap Map, Located<ValueMapEntry> Entry)> ValueEntries =>
        ValueMaps.SelectMany(map => map.Value.Values.Select((entry, i) =>
            (map.Value, new Located<ValueMapEntry>(entry, map.File, JsonPaths.Item(map.PathOf("values"), i)))));

    public MappingSet ToMappingSet(string version) => new()
    {
        Systems = Systems.ToDictionary(s => s.Value.Name, s => s.Value, StringComparer.OrdinalIgnoreCase),
        ValueMaps = [.. ValueMaps.Select(m => m.Value)],
        Routes = [.. Routes.Select(r => r.Value)],
        Contractors = [.. Contractors.Select(c => c.Value)],
        Templates = [.. Templates.Select(t => t.Value)],
        Phrases = [.. Phrases.Select(p => p.Value)],
        Milestones = [.. Milestones.Select(m => m.Value)],
        Version = version,
    };
}
