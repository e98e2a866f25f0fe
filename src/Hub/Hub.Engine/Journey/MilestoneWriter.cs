using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;

namespace Hub.Engine.Journey;

/// <summary>
/// Writes a milestone of a case's journey for its reporter, inside the caller's unit of work: a caller-visible entry for
/// the origin ticket, worded by the mappings' milestone sentences in the case's language (<see cref="JourneyLanguage"/>),
/// queued through the outbox like every other write (its command key keeps a retry from writing it twice), and journaled
/// with kind <see cref="HubEvent.Milestone"/> (Detail: the milestone's name, SourceSystem: the party whose step it is,
/// TargetSystem/TargetRecord: the origin ticket, After: the sentence). Written once: a milestone the journal already holds
/// for the case and party (an appointment: for that window) is not written again, whichever node, poll or restart asks;
/// the journal's write lock is held while that is looked up. Without milestone sentences in the mappings nothing is written.
/// </summary>
public sealed class MilestoneWriter(HubJournal journal, TimeZoneInfo zone)
{
    /// <summary>Queues the milestone and, when given, an internal note for the building manager's case; false when it was written before or cannot be.</summary>
    public Task<bool> WriteAsync(HubDbContext db, CaseRecord record, MilestoneStep step, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(db, record, origin: null, step, map, now, cancellationToken);

    /// <summary>
    /// <see cref="WriteAsync(HubDbContext, CaseRecord, MilestoneStep, MappingSet, DateTimeOffset, CancellationToken)"/> with
    /// the origin's link when the caller read it already (a link, once made, never changes the record it names); when
    /// null, it is looked up.
    /// </summary>
    public async Task<bool> WriteAsync(HubDbContext db, CaseRecord record, LinkRecord? origin, MilestoneStep step, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(map);
        if (origin is not null && !string.Equals(origin.SystemName, record.OriginSystem, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The link given as the origin's is in {origin.SystemName}, not in the case's origin {record.OriginSystem}.", nameof(origin));
        }

        var language = JourneyLanguage.Of(map, record);
        if (map.MilestonesFor(language) is not { } sentences || sentences.TextFor(MilestoneWording.KeyOf(step.Milestone)) is not { } template)
        {
            return false;
        }

        origin ??= await OriginLinkAsync(db, record, cancellationToken).ConfigureAwait(false);
        if (origin is null)
        {
            return false;
        }

        var values = ValuesFor(record, step, sentences, map, language);
        var text = MilestoneWording.Fill(template, values);
        await journal.HoldWriteLockAsync(db, cancellationToken).ConfigureAwait(false);
        if (await WrittenBeforeAsync(db, record.Id, step, text, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        OutboxWriter.Queue(db, Comment(record.Id, origin.SystemName, text, isPublic: true, map), now);
        await journal.AppendAsync(db, new JournalLine
        {
            CaseId = record.Id, Kind = HubEvent.Milestone, Outcome = JournalOutcome.Observed,
            SourceSystem = step.Party, TargetSystem = origin.SystemName, TargetRecord = origin.ExternalNumber ?? origin.ExternalId,
            After = text, MappingVersion = map.Version, Detail = step.Milestone.ToString(),
        }, cancellationToken).ConfigureAwait(false);

        if (step.NoteFor is { } noteTarget && NoteTemplate(step, map.MilestonesFor(map.LanguageOf(noteTarget)) ?? sentences) is { Length: > 0 } noteTemplate)
        {
            var noteValues = ValuesFor(record, step, map.MilestonesFor(map.LanguageOf(noteTarget)) ?? sentences, map, map.LanguageOf(noteTarget));
            OutboxWriter.Queue(db, Comment(record.Id, noteTarget, MilestoneWording.Fill(noteTemplate, noteValues), isPublic: false, map), now);
        }

        return true;
    }

    private Dictionary<string, string> ValuesFor(CaseRecord record, MilestoneStep step, MilestoneTemplates sentences, MappingSet map, string language)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseId"] = record.Id,
            ["contractor"] = JourneyLanguage.ContractorOf(map, record)?.Name ?? string.Empty,
        };
        if (step.Appointment is { } window)
        {
            values["appointment"] = AppointmentText.For(window, language, zone);
        }

        if (step.Role is { } role)
        {
            values["waitingFor"] = sentences.PartyName(role);
        }

        if (step.ExpectedBy is { } expected)
        {
            values["expectedBy"] = MilestoneWording.Moment(expected, language, zone);
        }

        return values;
    }

    private static string? NoteTemplate(MilestoneStep step, MilestoneTemplates sentences) => step.Milestone switch
    {
        Milestone.Refused => sentences.RefusedNote,
        Milestone.StillWaiting => sentences.OverdueNote,
        _ => null,
    };

    private static ChangeIntent Comment(string caseId, string target, string text, bool isPublic, MappingSet map) => new()
    {
        CaseId = caseId,
        Target = target,
        Kind = ChangeKind.CommentAdded,
        Comment = new CaseComment(text, isPublic, Author: "hub"),
        Parameters = map.RoutesTo(target).FirstOrDefault() is { } route
            ? new Dictionary<string, string>(route.Parameters, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal),
        MappingVersion = map.Version,
    };

    private static async Task<LinkRecord?> OriginLinkAsync(HubDbContext db, CaseRecord record, CancellationToken cancellationToken) =>
        TrackedRecords.Of<LinkRecord>(db).FirstOrDefault(l => l.CaseId == record.Id && l.SystemName == record.OriginSystem)
        ?? await HubQueries.Of(db).CaseLinkIn(db, record.Id, record.OriginSystem, cancellationToken).ConfigureAwait(false);

    /// <summary>The same milestone for the same party (an appointment: the same sentence) is in the journal, or in this unit of work.</summary>
    private static async Task<bool> WrittenBeforeAsync(HubDbContext db, string caseId, MilestoneStep step, string text, CancellationToken cancellationToken)
    {
        var name = step.Milestone.ToString();
        var byText = step.Milestone == Milestone.Appointment;
        if (TrackedRecords.Of<JournalEntry>(db).Any(e => e.CaseId == caseId && e.Kind == HubEvent.Milestone && e.Detail == name && e.SourceSystem == step.Party && (!byText || e.After == text)))
        {
            return true;
        }

        return await LeanReads.Of(db).MilestoneJournaledAsync(db, caseId, name, step.Party, byText ? text : null, cancellationToken).ConfigureAwait(false);
    }
}
