using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Sync;

namespace Hub.Engine.Journey;

/// <summary>
/// The milestones an accepted change of the case means for its reporter, when it comes from further along the chain
/// (what the origin itself did, its reporter knows): a new status Accepted (accepted), Waiting (delayed), Resolved or
/// Closed (done), Cancelled (cancelled), New (refused: a system further on hands the case back, even before it took it
/// on, so the status need not change; the building manager's case gets a note that it needs action), and an
/// appointment set or moved.
/// </summary>
internal static class MilestonesOfChange
{
    /// <param name="observed">The kind the source gave the change: a status said again (New, unchanged) counts only as a status report.</param>
    public static IReadOnlyList<MilestoneStep> Of(MappingSet map, string origin, string source, MergedChange merged, ChangeKind observed)
    {
        if (string.Equals(origin, source, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var steps = new List<MilestoneStep>();
        var statusSaid = merged.Accepted.Contains(RouteFieldNames.Status)
            || (observed == ChangeKind.StatusChanged && merged.Incoming.Status == CaseStatus.New && !merged.Conflicts.Any(c => c.Field == RouteFieldNames.Status));
        if (statusSaid && merged.Incoming.Status is { } status)
        {
            var milestone = status switch
            {
                CaseStatus.Accepted => Milestone.Accepted,
                CaseStatus.Waiting => Milestone.Delayed,
                CaseStatus.Resolved or CaseStatus.Closed => Milestone.Done,
                CaseStatus.Cancelled => Milestone.Cancelled,
                CaseStatus.New => Milestone.Refused,
                _ => (Milestone?)null,
            };
            if (milestone is { } happened)
            {
                steps.Add(new MilestoneStep(happened, source) { NoteFor = happened == Milestone.Refused ? BuildingManagerOf(map, origin, source) : null });
            }
        }

        if (merged.Accepted.Contains(RouteFieldNames.Appointment) && merged.Incoming.Appointment is { } window)
        {
            steps.Insert(0, new MilestoneStep(Milestone.Appointment, source) { Appointment = window });
        }

        return steps;
    }

    /// <summary>The system upstream of <paramref name="party"/> that handles its work (the building manager), unless that is the origin itself.</summary>
    public static string? BuildingManagerOf(MappingSet map, string origin, string party)
    {
        ArgumentNullException.ThrowIfNull(map);
        var upstream = map.RoutesTo(party).Select(r => r.From).FirstOrDefault();
        return upstream is null || string.Equals(upstream, origin, StringComparison.OrdinalIgnoreCase) ? null : upstream;
    }
}
