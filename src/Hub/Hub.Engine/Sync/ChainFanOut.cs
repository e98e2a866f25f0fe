using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// Which systems get which intents: the chain's creates (every system the routes reach from the systems that hold a
/// record of the case) and, for an accepted change, one intent per kind of change for every system each field travels to
/// (<see cref="ChainRouter.Targets"/>) and the comment and resolution, which are someone's own words, to the next hop and
/// further only where a route relays them (<see cref="ChainRouter.WordsTargets"/>), translated to the target's own values.
/// </summary>
internal sealed class ChainFanOut(HubJournal journal, TimeZoneInfo zone)
{
    /// <summary>
    /// Queues a Create for every system the routes reach from the systems that already hold (or will hold) a
    /// record of the case, in chain order. Returns the systems that hold or will hold one.
    /// </summary>
    public async Task<HashSet<string>> EnsureChainAsync(HubDbContext db, CaseRecord record, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holders = await HoldersAsync(db, record.Id, cancellationToken).ConfigureAwait(false);
        var fields = CaseState.ToFields(record);
        var withoutContractor = new List<RouteMapping>();
        var hops = RouteWalk.From(map, holders, down: route => ChainRouter.Takes(route, fields) && HasContractor(route));
        foreach (var route in withoutContractor)
        {
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = record.Id, Kind = HubEvent.Parked, Outcome = JournalOutcome.Parked, TargetSystem = route.To,
                MappingVersion = map.Version,
                Error = $"route '{route.Name}' picks the contractor by {route.ContractorBy}, and no contractor in the mappings has '{(route.ContractorBy!.Equals(RouteFieldNames.Category, StringComparison.OrdinalIgnoreCase) ? fields.Category : fields.Subcategory)}'",
            }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var hop in hops)
        {
            var parameters = map.FindContractor(hop.Route, fields) is { } contractor
                ? RouteParameters.WithContractor(hop.Route.Parameters, contractor)
                : new Dictionary<string, string>(hop.Route.Parameters, StringComparer.Ordinal);
            OutboxWriter.Queue(db, new CreateIntent
            {
                CaseId = record.Id,
                Target = hop.Target,
                CorrelationKey = record.Id,
                Fields = fields,
                TargetValues = ValueTranslator.Outbound(map, hop.Target, fields),
                Parameters = parameters,
                MappingVersion = map.Version,
            }, now);
            holders.Add(hop.Target);
        }

        return holders;

        bool HasContractor(RouteMapping route)
        {
            if (route.ContractorBy is null || map.FindContractor(route, fields) is not null)
            {
                return true;
            }

            withoutContractor.Add(route);
            return false;
        }
    }

    /// <summary>
    /// Queues the intents of an accepted change for every system that holds a record and that each accepted field, and
    /// the comment, travel to: the comment, the appointment as a sentence in the target's language, the other fields,
    /// then the status (resolved, cancelled, reopened or changed).
    /// </summary>
    public void QueueChanges(HubDbContext db, CaseRecord record, string source, MergedChange merged, CaseComment? comment, HashSet<string> holders, MappingSet map, DateTimeOffset now)
    {
        var fields = CaseState.ToFields(record);
        var perTarget = new Dictionary<string, (List<string> Fields, ChainRouter.Hop Hop)>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in merged.Accepted)
        {
            var hops = field == RouteFieldNames.Resolution
                ? ChainRouter.WordsTargets(map, source, field)
                : ChainRouter.Targets(map, source, field, forceDown: field == RouteFieldNames.Status && merged.CancelledAtOrigin);
            foreach (var hop in hops)
            {
                if (!perTarget.TryGetValue(hop.Target, out var entry))
                {
                    entry = ([], hop);
                    perTarget[hop.Target] = entry;
                }

                entry.Fields.Add(field);
            }
        }

        var commentHops = comment is null ? [] : ChainRouter.WordsTargets(map, source, RouteFieldNames.Comments);
        var targets = perTarget.Keys.Concat(commentHops.Select(h => h.Target)).Distinct(StringComparer.OrdinalIgnoreCase).Where(holders.Contains);
        foreach (var target in targets)
        {
            var commentHop = commentHops.FirstOrDefault(h => string.Equals(h.Target, target, StringComparison.OrdinalIgnoreCase));
            if (comment is not null && commentHop is not null)
            {
                Queue(ChangeKind.CommentAdded, CaseFields.Empty, comment with { IsPublic = Visible(commentHop, comment.IsPublic) });
            }

            if (!perTarget.TryGetValue(target, out var planned))
            {
                continue;
            }

            var rest = planned.Fields.ToList();
            var resolution = rest.Contains(RouteFieldNames.Resolution) ? fields.Resolution : null;
            if (rest.Remove(RouteFieldNames.Appointment) && fields.Appointment is { } window && !ReporterHearsByMilestone(record, target, map))
            {
                var text = AppointmentText.For(window, map.LanguageOf(target), zone);
                var visibility = ChainRouter.RuleOf(planned.Hop.Route, RouteFieldNames.Comments);
                Queue(ChangeKind.AppointmentSet, new CaseFields { Appointment = window }, new CaseComment(text, visibility.Visibility != "internal", "hub"));
            }

            var statusChanged = rest.Remove(RouteFieldNames.Status);
            if (statusChanged)
            {
                rest.Remove(RouteFieldNames.Resolution);
            }

            if (rest.Count > 0)
            {
                Queue(ChangeKind.FieldsChanged, CaseState.Only(fields, rest), null);
            }

            if (statusChanged && fields.Status is { } status)
            {
                Queue(StatusChange.KindOf(merged.Current.Status, status), new CaseFields { Status = status, Resolution = resolution }, null);
            }

            void Queue(ChangeKind kind, CaseFields changed, CaseComment? text) =>
                OutboxWriter.Queue(db, new ChangeIntent
                {
                    CaseId = record.Id,
                    Target = target,
                    Kind = kind,
                    Fields = changed,
                    TargetValues = ValueTranslator.Outbound(map, target, changed),
                    Comment = text,
                    Parameters = ParametersFor(map, target),
                    WithWholeCase = kind == ChangeKind.FieldsChanged,
                    MappingVersion = map.Version,
                }, now);
        }
    }

    /// <summary>The origin's reporter reads an appointment as a milestone (<see cref="Journey.MilestoneWriter"/>), not twice.</summary>
    private static bool ReporterHearsByMilestone(CaseRecord record, string target, MappingSet map) =>
        string.Equals(target, record.OriginSystem, StringComparison.OrdinalIgnoreCase) && map.Milestones.Count > 0;

    /// <summary>The systems that hold a record of the case, or will: linked, or with a create queued and not discarded (also in this unit of work).</summary>
    private static async Task<HashSet<string>> HoldersAsync(HubDbContext db, string caseId, CancellationToken cancellationToken)
    {
        var holders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var system in HubQueries.Of(db).LinkedSystems(db, caseId).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            holders.Add(system);
        }

        holders.UnionWith(TrackedRecords.Of<LinkRecord>(db).Where(l => l.CaseId == caseId).Select(l => l.SystemName));
        await foreach (var target in HubQueries.Of(db).CreatesQueued(db, caseId).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            holders.Add(target);
        }

        holders.UnionWith(TrackedRecords.Of<OutboxCommand>(db).Where(o => o.CaseId == caseId && o.Operation == OutboxOperation.Create).Select(o => o.TargetSystem));
        return holders;
    }

    private static Dictionary<string, string> ParametersFor(MappingSet map, string target)
    {
        var route = map.RoutesTo(target).FirstOrDefault();
        return route is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(route.Parameters, StringComparer.Ordinal);
    }

    private static bool Visible(ChainRouter.Hop hop, bool sourceIsPublic) =>
        hop.RuleFor(RouteFieldNames.Comments).Visibility?.ToUpperInvariant() switch
        {
            "PUBLIC" => true,
            "INTERNAL" => false,
            _ => sourceIsPublic,
        };
}
