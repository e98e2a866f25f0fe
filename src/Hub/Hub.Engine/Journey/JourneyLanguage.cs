using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;

namespace Hub.Engine.Journey;

/// <summary>
/// The language a case's reporter reads the milestones in: the "language" parameter of the route that leaves the origin,
/// else the language of the contractor the chain picks for the case, else the origin system's language.
/// </summary>
public static class JourneyLanguage
{
    public static string Of(MappingSet map, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(record);
        var fields = CaseState.ToFields(record);
        foreach (var route in map.RoutesFrom(record.OriginSystem).Where(r => ChainRouter.Takes(r, fields)))
        {
            if (route.Parameters.TryGetValue(Languages.SettingName, out var named) && !string.IsNullOrWhiteSpace(named))
            {
                return named;
            }
        }

        return ContractorOf(map, record)?.Language ?? map.LanguageOf(record.OriginSystem);
    }

    /// <summary>The contractor the chain picks for the case, if a route picks one.</summary>
    public static ContractorMapping? ContractorOf(MappingSet map, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(record);
        var fields = CaseState.ToFields(record);
        return map.Routes.Where(r => r.ContractorBy is not null).Select(r => map.FindContractor(r, fields)).FirstOrDefault(c => c is not null);
    }
}
