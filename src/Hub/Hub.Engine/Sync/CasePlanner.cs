using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// Decides what a translated change means for its case: a new case and its chain of records, or accepted and
/// conflicting field changes, and which commands go to which system.
/// </summary>
public sealed class CasePlanner(HubJournal journal, SyncOptions options)
{
    private readonly TimeZoneInfo zone = options.Zone();

    /// <summary>Opens a case for a record no case knows, when a route takes it: the case, its origin's link, and its chain queued.</summary>
    public async Task<OpenedCase> OpenCaseAsync(HubDbContext db, string system, ObservedChange change, CaseFields fields, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(map);
        var routes = map.RoutesFrom(system).Where(r => Matches(r, fields)).ToList();
        if (routes.Count == 0)
        {
            return new OpenedCase(IntakeResult.NotRouted, Origin: null);
        }

        var record = new CaseRecord
        {
            Id = await CaseIds.NextAsync(db, now, cancellationToken).ConfigureAwait(false),
            OriginSystem = system,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var stamps = FieldStamps.Parse(null);
        var set = CaseState.Differences(CaseFields.Empty, fields);
        CaseState.Apply(record, fields, set);
        foreach (var field in set)
        {
            stamps.Set(field, system, change.OccurredAt);
        }

        record.FieldStamps = stamps.ToJson();
        db.Cases.Add(record);
        var origin = CaseLinks.Origin(db, record.Id, system, change, map, now);
        await journal.AppendAsync(db, new JournalLine
        {
            CaseId = record.Id, Kind = ChangeKind.Created.ToString(), Outcome = JournalOutcome.Observed,
            SourceSystem = system, SourceRecord = change.ExternalNumber ?? change.ExternalId,
            After = Describe(fields, set), MappingVersion = map.Version,
            Detail = $"routes: {string.Join(", ", routes.Select(r => r.Name))}",
        }, cancellationToken).ConfigureAwait(false);
        await EnsureChainAsync(db, record, map, now, cancellationToken).ConfigureAwait(false);
        return new OpenedCase(IntakeResult.Opened, origin);
    }

    public async Task<IntakeResult> UpdateCaseAsync(HubDbContext db, string system, ObservedChange change, CaseFields fields, CaseRecord record, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(map);
        var current = CaseState.ToFields(record);
        if (fields.Status == CaseStatus.Resolved && fields.Resolution is null && change.Comment is { } said)
        {
            fields = fields with { Resolution = said.Text };
        }

        var stamps = FieldStamps.Parse(record.FieldStamps);
        var accepted = new List<string>();
        var cancelledAtOrigin = fields.Status == CaseStatus.Cancelled && string.Equals(record.OriginSystem, system, StringComparison.OrdinalIgnoreCase);
        foreach (var field in CaseState.Differences(current, fields))
        {
            var conflict = field == RouteFieldNames.Status && cancelledAtOrigin ? null : ChainRouter.OwnerConflict(map, system, field);
            if (conflict is null && stamps.Of(field) is { } stamp && !string.Equals(stamp.System, system, StringComparison.OrdinalIgnoreCase) && stamp.At > change.OccurredAt)
            {
                conflict = $"'{stamp.System}' set it later ({stamp.At:O})";
            }

            if (conflict is not null)
            {
                await journal.AppendAsync(db, new JournalLine
                {
                    CaseId = record.Id, Kind = HubEvent.Conflict, Outcome = JournalOutcome.Conflict,
                    SourceSystem = system, SourceRecord = change.ExternalNumber ?? change.ExternalId,
                    Before = CaseState.Describe(current, field), After = CaseState.Describe(fields, field),
                    MappingVersion = map.Version, Detail = $"{field}: {conflict}; the hub kept its value",
                }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            accepted.Add(field);
            stamps.Set(field, system, change.OccurredAt);
        }

        var comment = change.Comment is { Text.Length: > 0 } c ? c : null;
        if (accepted.Count == 0 && comment is null)
        {
            return IntakeResult.Unchanged;
        }

        if (accepted.Count > 0)
        {
            CaseState.Apply(record, fields, accepted);
            record.FieldStamps = stamps.ToJson();
            record.UpdatedAt = now;
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = record.Id, Kind = KindOf(current.Status, fields, accepted, change.Kind).ToString(), Outcome = JournalOutcome.Observed,
                SourceSystem = system, SourceRecord = change.ExternalNumber ?? change.ExternalId,
                Before = Describe(current, accepted), After = Describe(fields, accepted), MappingVersion = map.Version,
                Detail = change.Actor is null ? null : $"by {change.Actor}",
            }, cancellationToken).ConfigureAwait(false);
        }

        if (comment is not null)
        {
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = record.Id, Kind = ChangeKind.CommentAdded.ToString(), Outcome = JournalOutcome.Observed,
                SourceSystem = system, SourceRecord = change.ExternalNumber ?? change.ExternalId,
                After = Shorten(comment.Text), MappingVersion = map.Version,
                Detail = (comment.IsPublic ? "public" : "internal") + (comment.Author is null ? string.Empty : $", by {comment.Author}"),
            }, cancellationToken).ConfigureAwait(false);
        }

        var updated = CaseState.ToFields(record);
        var holders = await EnsureChainAsync(db, record, map, now, cancellationToken).ConfigureAwait(false);
        QueueChanges(db, record, system, current.Status, updated, accepted, comment, cancelledAtOrigin, holders, map, now);
        return IntakeResult.Updated;
    }

    /// <summary>
    /// Queues a Create for every system the routes reach from the systems that already hold (or will hold) a
    /// record of the case, in chain order. Returns the systems that hold or will hold one.
    /// </summary>
    public async Task<HashSet<string>> EnsureChainAsync(HubDbContext db, CaseRecord record, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(map);
        var holders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        holders.UnionWith(await db.Links.Where(l => l.CaseId == record.Id).Select(l => l.SystemName).ToListAsync(cancellationToken).ConfigureAwait(false));
        holders.UnionWith(db.Links.Local.Where(l => l.CaseId == record.Id).Select(l => l.SystemName));
        holders.UnionWith(await db.Outbox
            .Where(o => o.CaseId == record.Id && o.Operation == OutboxOperation.Create && o.Status != OutboxStatus.Discarded)
            .Select(o => o.TargetSystem).ToListAsync(cancellationToken).ConfigureAwait(false));
        holders.UnionWith(db.Outbox.Local.Where(o => o.CaseId == record.Id && o.Operation == OutboxOperation.Create).Select(o => o.TargetSystem));

        var fields = CaseState.ToFields(record);
        var queue = new Queue<string>(holders);
        while (queue.Count > 0)
        {
            var from = queue.Dequeue();
            foreach (var route in map.RoutesFrom(from).Where(r => Matches(r, fields) && !holders.Contains(r.To)))
            {
                var parameters = new Dictionary<string, string>(route.Parameters, StringComparer.Ordinal);
                if (route.ContractorBy is not null)
                {
                    var contractor = map.FindContractor(route, fields);
                    if (contractor is null)
                    {
                        await journal.AppendAsync(db, new JournalLine
                        {
                            CaseId = record.Id, Kind = HubEvent.Parked, Outcome = JournalOutcome.Parked, TargetSystem = route.To,
                            MappingVersion = map.Version,
                            Error = $"route '{route.Name}' picks the contractor by {route.ContractorBy}, and no contractor in the mappings has '{(route.ContractorBy.Equals("category", StringComparison.OrdinalIgnoreCase) ? fields.Category : fields.Subcategory)}'",
                        }, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    parameters["contractor"] = contractor.Id;
                    parameters["contractorEmail"] = contractor.Email;
                }

                OutboxWriter.Queue(db, new CreateIntent
                {
                    CaseId = record.Id,
                    Target = route.To,
                    CorrelationKey = record.Id,
                    Fields = fields,
                    TargetValues = ValueTranslator.Outbound(map, route.To, fields),
                    Parameters = parameters,
                    MappingVersion = map.Version,
                }, now);
                holders.Add(route.To);
                queue.Enqueue(route.To);
            }
        }

        return holders;
    }

    private void QueueChanges(
        HubDbContext db, CaseRecord record, string source, CaseStatus? oldStatus, CaseFields fields, IReadOnlyCollection<string> accepted,
        CaseComment? comment, bool cancelledAtOrigin, HashSet<string> holders, MappingSet map, DateTimeOffset now)
    {
        var perTarget = new Dictionary<string, (List<string> Fields, ChainRouter.Hop Hop)>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in accepted)
        {
            foreach (var hop in ChainRouter.Targets(map, source, field, forceDown: field == RouteFieldNames.Status && cancelledAtOrigin))
            {
                if (!perTarget.TryGetValue(hop.Target, out var entry))
                {
                    entry = ([], hop);
                    perTarget[hop.Target] = entry;
                }

                entry.Fields.Add(field);
            }
        }

        var commentHops = comment is null ? [] : ChainRouter.Targets(map, source, RouteFieldNames.Comments);
        var targets = perTarget.Keys.Concat(commentHops.Select(h => h.Target)).Distinct(StringComparer.OrdinalIgnoreCase).Where(holders.Contains);
        foreach (var target in targets)
        {
            var language = map.Systems.TryGetValue(target, out var declared) && declared.Settings.TryGetValue("language", out var lang) ? lang : "nl";
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
            if (rest.Remove(RouteFieldNames.Appointment) && fields.Appointment is { } window)
            {
                var text = AppointmentText.For(window, language, zone);
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
                var kind = status switch
                {
                    CaseStatus.Resolved => ChangeKind.Resolved,
                    CaseStatus.Cancelled => ChangeKind.Cancelled,
                    _ when oldStatus is CaseStatus.Resolved or CaseStatus.Closed or CaseStatus.Cancelled => ChangeKind.Reopened,
                    _ => ChangeKind.StatusChanged,
                };
                Queue(kind, new CaseFields { Status = status, Resolution = fields.Resolution }, null);
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

    private static ChangeKind KindOf(CaseStatus? before, CaseFields after, IReadOnlyCollection<string> accepted, ChangeKind observed)
    {
        if (accepted.Contains(RouteFieldNames.Status))
        {
            return after.Status switch
            {
                CaseStatus.Resolved => ChangeKind.Resolved,
                CaseStatus.Cancelled => ChangeKind.Cancelled,
                _ when before is CaseStatus.Resolved or CaseStatus.Closed or CaseStatus.Cancelled => ChangeKind.Reopened,
                _ => ChangeKind.StatusChanged,
            };
        }

        return accepted.Contains(RouteFieldNames.Appointment) ? ChangeKind.AppointmentSet
            : observed == ChangeKind.Created ? ChangeKind.FieldsChanged : observed is ChangeKind.CommentAdded ? ChangeKind.FieldsChanged : observed;
    }

    private static bool Matches(RouteMapping route, CaseFields fields) =>
        (route.When.Categories.Count == 0 || (fields.Category is { } category && route.When.Categories.Contains(category, StringComparer.OrdinalIgnoreCase)))
        && (route.When.Subcategories.Count == 0 || (fields.Subcategory is { } sub && route.When.Subcategories.Contains(sub, StringComparer.OrdinalIgnoreCase)));

    private static string Describe(CaseFields fields, IEnumerable<string> names) =>
        JsonSerializer.Serialize(names.ToDictionary(n => n, n => CaseState.Describe(fields, n)), SyncJson.Options);

    private static string Shorten(string text) => TextCut.Shorten(text, 500);
}
