using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// The conflict rules for a change to an open case, field by field: the source must own the field (some route lets it
/// flow away from the source and names no other owner, <see cref="ChainRouter.OwnerConflict"/>), and a value stamped
/// later wins over an older one: set by another system, or by a later reading of the same record (a record read at once
/// on its webhook and by a poll whose page was read before the record changed, and taken in after). The same system's
/// own stamp counts only once the hub's clock has reached it: a stamp still ahead (a clock slightly fast, within
/// <see cref="OutsideClock.Tolerance"/>) cannot be told from a later change of that system clamped to the hub's time,
/// which must still win. A cancellation at the case's origin always counts. Accepted fields are stamped with the
/// source and the change's time.
/// </summary>
internal static class CaseMerge
{
    public static MergedChange Merge(CaseRecord record, string system, ObservedChange change, CaseFields incoming, MappingSet map, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(map);
        var current = CaseState.ToFields(record);
        if (incoming.Status == CaseStatus.Resolved && incoming.Resolution is null && change.Comment is { } said)
        {
            incoming = incoming with { Resolution = said.Text };
        }

        var stamps = FieldStamps.Parse(record.FieldStamps);
        var accepted = new List<string>();
        var conflicts = new List<FieldConflict>();
        var cancelledAtOrigin = incoming.Status == CaseStatus.Cancelled && string.Equals(record.OriginSystem, system, StringComparison.OrdinalIgnoreCase);
        foreach (var field in CaseState.Differences(current, incoming))
        {
            var conflict = field == RouteFieldNames.Status && cancelledAtOrigin ? null : ChainRouter.OwnerConflict(map, system, field);
            if (conflict is null && stamps.Of(field) is { } stamp && stamp.At > change.OccurredAt)
            {
                if (!string.Equals(stamp.System, system, StringComparison.OrdinalIgnoreCase))
                {
                    conflict = $"'{stamp.System}' set it later ({stamp.At:O})";
                }
                else if (stamp.At <= now)
                {
                    conflict = $"a later reading of this record set it ({stamp.At:O}); this reading is older";
                }
            }

            if (conflict is not null)
            {
                conflicts.Add(new FieldConflict(field, conflict));
                continue;
            }

            accepted.Add(field);
            stamps.Set(field, system, change.OccurredAt);
        }

        return new MergedChange(current, incoming, accepted, conflicts, stamps, cancelledAtOrigin);
    }
}

/// <summary>
/// A change merged into its case: the case's fields before, what the change says, the fields it may set (with their new
/// stamps) and the ones it may not (the hub keeps its value), and whether it is a cancellation at the case's origin.
/// </summary>
internal sealed record MergedChange(
    CaseFields Current, CaseFields Incoming, IReadOnlyList<string> Accepted, IReadOnlyList<FieldConflict> Conflicts, FieldStamps Stamps, bool CancelledAtOrigin);

/// <summary>A field the change may not set, and why.</summary>
internal sealed record FieldConflict(string Field, string Reason);
