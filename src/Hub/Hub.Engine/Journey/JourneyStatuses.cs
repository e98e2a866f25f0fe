using Hub.Abstractions.Mapping;
using Hub.Engine.Audit;
using Hub.Engine.Journal;

namespace Hub.Engine.Journey;

/// <summary>
/// Each linked system's status in its own words: the status value the record was created with, then each value the
/// hub wrote there ("status → 4" in an applied entry) or saw there (an observation's canonical status, as the value
/// maps say it in that system), the latest winning; named by <see cref="JourneyStatusNames"/>.
/// </summary>
public static class JourneyStatuses
{
    private const string StatusPart = "status → ";

    public static IReadOnlyList<JourneySystemStatus> Read(
        IReadOnlyList<TraceLink> links, IReadOnlyList<JournalRecord> events, IReadOnlyDictionary<string, JourneyCreate> creates, MappingSet map)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(creates);
        return [.. links.Select(link => StatusOf(link, events, creates, map))];
    }

    private static JourneySystemStatus StatusOf(TraceLink link, IReadOnlyList<JournalRecord> events, IReadOnlyDictionary<string, JourneyCreate> creates, MappingSet map)
    {
        string? value = null;
        DateTimeOffset? at = null;
        if (creates.TryGetValue(link.System, out var create) && create.StatusValue is { } created)
        {
            (value, at) = (created, link.LinkedAt);
        }

        foreach (var entry in events.OrderBy(e => e.Sequence))
        {
            if ((Written(entry, link.System) ?? Seen(entry, link.System, map)) is { } found)
            {
                (value, at) = (found, entry.At);
            }
        }

        return new JourneySystemStatus(link.System, link.Role, link.Number, value, value is null ? null : JourneyStatusNames.NameOf(map, link.System, value), at);
    }

    private static string? Written(JournalRecord entry, string system)
    {
        if (entry.Outcome != JournalOutcome.Applied || !string.Equals(entry.TargetSystem, system, StringComparison.OrdinalIgnoreCase) || entry.Detail is not { } detail)
        {
            return null;
        }

        // The dispatcher writes "status → X; priority → Y; public note: …": target values first, a note last.
        foreach (var part in detail.Split("; "))
        {
            if (part.StartsWith(StatusPart, StringComparison.Ordinal))
            {
                return part[StatusPart.Length..].Trim();
            }

            if (part.Contains("note: ", StringComparison.Ordinal))
            {
                break;
            }
        }

        return null;
    }

    private static string? Seen(JournalRecord entry, string system, MappingSet map) =>
        entry.Outcome == JournalOutcome.Observed && string.Equals(entry.SourceSystem, system, StringComparison.OrdinalIgnoreCase)
        && JourneyMilestones.Read(entry.After).Status is { } canonical
            ? JourneyStatusNames.ValueFor(map, system, canonical)
            : null;
}
