using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Journey;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// Decides what a translated change means for its case and journals it: a new case and its chain of records, or the
/// fields it may change (<see cref="CaseMerge"/>: owner and later-wins per field) and its comment; the intents for the
/// other systems come from <see cref="ChainFanOut"/>, the reporter's milestones from <see cref="MilestoneWriter"/>.
/// </summary>
public sealed class CasePlanner(HubJournal journal, SyncOptions options)
{
    private readonly ChainFanOut fanOut = new(journal, options.Zone());
    private readonly MilestoneWriter milestones = new(journal, options.Zone());

    /// <summary>Opens a case for a record no case knows, when a route takes it: the case, its origin's link, and its chain queued.</summary>
    public async Task<OpenedCase> OpenCaseAsync(HubDbContext db, string system, ObservedChange change, CaseFields fields, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(map);
        var routes = map.RoutesFrom(system).Where(r => ChainRouter.Takes(r, fields)).ToList();
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
        await fanOut.EnsureChainAsync(db, record, map, now, cancellationToken).ConfigureAwait(false);
        return new OpenedCase(IntakeResult.Opened, origin);
    }

    /// <summary>Takes a change into its open case by the conflict rules, journals what it changed and said, and queues it for the chain.</summary>
    public async Task<IntakeResult> UpdateCaseAsync(HubDbContext db, string system, ObservedChange change, CaseFields fields, CaseRecord record, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(map);
        var merged = CaseMerge.Merge(record, system, change, fields, map, now);
        foreach (var conflict in merged.Conflicts)
        {
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = record.Id, Kind = HubEvent.Conflict, Outcome = JournalOutcome.Conflict,
                SourceSystem = system, SourceRecord = change.ExternalNumber ?? change.ExternalId,
                Before = CaseState.Describe(merged.Current, conflict.Field), After = CaseState.Describe(merged.Incoming, conflict.Field),
                MappingVersion = map.Version, Detail = $"{conflict.Field}: {conflict.Reason}; the hub kept its value",
            }, cancellationToken).ConfigureAwait(false);
        }

        var accepted = merged.Accepted;
        var comment = change.Comment is { Text.Length: > 0 } c ? c : null;
        var steps = MilestonesOfChange.Of(map, record.OriginSystem, system, merged, change.Kind);
        if (accepted.Count == 0 && comment is null && steps.Count == 0)
        {
            return IntakeResult.Unchanged;
        }

        if (accepted.Count > 0)
        {
            CaseState.Apply(record, merged.Incoming, accepted);
            record.FieldStamps = merged.Stamps.ToJson();
            record.UpdatedAt = now;
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = record.Id, Kind = KindOf(merged, change.Kind).ToString(), Outcome = JournalOutcome.Observed,
                SourceSystem = system, SourceRecord = change.ExternalNumber ?? change.ExternalId,
                Before = Describe(merged.Current, accepted), After = Describe(merged.Incoming, accepted), MappingVersion = map.Version,
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

        var holders = await fanOut.EnsureChainAsync(db, record, map, now, cancellationToken).ConfigureAwait(false);
        foreach (var step in steps)
        {
            await milestones.WriteAsync(db, record, step, map, now, cancellationToken).ConfigureAwait(false);
        }

        fanOut.QueueChanges(db, record, system, merged, comment, holders, map, now);
        return IntakeResult.Updated;
    }

    /// <summary>How the journal names the accepted change: by its new status, an appointment, else as the source said.</summary>
    private static ChangeKind KindOf(MergedChange merged, ChangeKind observed)
    {
        if (merged.Accepted.Contains(RouteFieldNames.Status))
        {
            return StatusChange.KindOf(merged.Current.Status, merged.Incoming.Status);
        }

        return merged.Accepted.Contains(RouteFieldNames.Appointment) ? ChangeKind.AppointmentSet
            : observed == ChangeKind.Created ? ChangeKind.FieldsChanged : observed is ChangeKind.CommentAdded ? ChangeKind.FieldsChanged : observed;
    }

    private static string Describe(CaseFields fields, IEnumerable<string> names) =>
        JsonSerializer.Serialize(names.ToDictionary(n => n, n => CaseState.Describe(fields, n)), SyncJson.Options);

    private static string Shorten(string text) => TextCut.Shorten(text, 500);
}
