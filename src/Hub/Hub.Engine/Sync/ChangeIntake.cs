using Hub.Abstractions.Telemetry;
using Hub.Engine.Telemetry;
using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Mapping;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Sync;

/// <summary>
/// Takes one observed change into the hub, all or nothing (a transaction of its own, or a savepoint in a page's,
/// <see cref="PageIntake"/>): inbox (drop repeats), correlation claims (a record
/// joins a case by its key only when the hub asked for it, <see cref="CorrelationClaim"/>), echo check, value maps
/// (park the unknown; on release drop what later readings replaced, <see cref="ParkedSupersession"/>), the source's
/// stamp clamped to the hub's clock (<see cref="OutsideClock"/>), open or update the case with the owner and
/// later-wins rules, journal, and queue the commands for the other systems of the chain.
/// </summary>
public sealed class ChangeIntake(
    HubDatabase database,
    IMappingProvider mappings,
    HubJournal journal,
    HubWriteGate gate,
    TimeProvider time,
    IDispatchSignal dispatch,
    CasePlanner planner,
    ILogger<ChangeIntake> logger)
{
    /// <summary>Takes one change in, in a unit of work of its own: one write-gate entry, one transaction, one commit.</summary>
    public async Task<IntakeResult> AcceptAsync(string system, ObservedChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var result = await TracedAsync(system, change, TakeInAsync, cancellationToken).ConfigureAwait(false);
        Committed(system, [(change, result)]);
        return result;
    }

    /// <summary>
    /// Takes one change of a page in inside the page's unit of work (<see cref="PageIntake"/>): saved there, committed by
    /// the page, which then tells <see cref="Committed"/> what it kept.
    /// </summary>
    internal Task<IntakeResult> AcceptWithinAsync(HubDbContext db, string system, ObservedChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return TracedAsync(system, change, (s, c, ct) => TakeInWithinAsync(db, s, c, ct), cancellationToken);
    }

    /// <summary>Counts changes whose unit of work committed, and wakes the dispatcher when they queued commands.</summary>
    internal void Committed(string system, IReadOnlyList<(ObservedChange Change, IntakeResult Result)> taken)
    {
        var now = time.GetUtcNow();
        foreach (var (change, result) in taken)
        {
            IntakeMetrics.Count(system, change, result, now);
        }

        if (taken.Any(t => t.Result is IntakeResult.Opened or IntakeResult.Updated))
        {
            dispatch.CommandsQueued();
        }
    }

    private static async Task<IntakeResult> TracedAsync(
        string system, ObservedChange change, Func<string, ObservedChange, CancellationToken, Task<IntakeResult>> takeIn, CancellationToken cancellationToken)
    {
        using var span = EngineSpans.Intake(system, change.Kind.ToString());
        change = NulCharacters.MadeVisible(change);
        IntakeResult result;
        try
        {
            result = await takeIn(system, change, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (span is not null && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            EngineSpans.Failed(span, $"the change could not be taken in ({failure.GetType().Name})");
            throw;
        }

        span?.SetTag(HubAttributes.IntakeResult, result.ToString());
        return result;
    }

    private async Task<IntakeResult> TakeInAsync(string system, ObservedChange change, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (tx.ConfigureAwait(false))
                {
                    var result = await TakeInWithinAsync(db, system, change, cancellationToken).ConfigureAwait(false);
                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
    }

    /// <summary>Inbox (a repeat is dropped), then the change, saved in the caller's transaction; the context tracks nothing afterwards.</summary>
    private async Task<IntakeResult> TakeInWithinAsync(HubDbContext db, string system, ObservedChange change, CancellationToken cancellationToken)
    {
        var seen = await LeanReads.Of(db).InboxHasAsync(db, system, change.ExternalId, change.Version, cancellationToken).ConfigureAwait(false);
        if (seen)
        {
            return IntakeResult.Duplicate;
        }

        db.Inbox.Add(new InboxEntry { SystemName = system, ExternalId = change.ExternalId, Version = change.Version, SeenAt = time.GetUtcNow() });
        var result = await HandleAsync(db, system, change, parked: null, cancellationToken).ConfigureAwait(false);
        await DirectSave.SaveAsync(db, cancellationToken).ConfigureAwait(false); // a statement per row: EF Core's batch building was most of the intake's CPU
        return result;
    }

    /// <summary>
    /// What the change would do, decided by the same code <see cref="AcceptAsync"/> runs (links, claims, echo, value maps,
    /// owner and later-wins rules, routes and chain), on a unit of work that is never saved: nothing reaches the journal,
    /// the outbox, the links, the parked changes or the inbox, and no command is dispatched. The inbox is not asked, so a
    /// record read before is planned as if read now. Built with <see cref="HubJournal.ForRehearsal"/>, it takes no write
    /// lock and reads a read-only database.
    /// </summary>
    public async Task<IntakePlan> PlanAsync(string system, ObservedChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        change = NulCharacters.MadeVisible(change);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var result = await HandleAsync(db, system, change, parked: null, cancellationToken).ConfigureAwait(false);
            var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            var link = TrackedRecords.Of<LinkRecord>(db).FirstOrDefault(l => l.SystemName == system && l.ExternalId == change.ExternalId);
            return new IntakePlan(
                result,
                [.. added.OfType<OutboxCommand>().Select(OutboxPayload.Read)],
                [.. added.OfType<JournalEntry>().OrderBy(e => e.Sequence)],
                added.OfType<ParkedChange>().FirstOrDefault()?.Reason,
                link?.CaseId);
        }
    }

    /// <summary>Tries every parked change again with the mapping in force now (after a reload or on request).</summary>
    public async Task<int> ReleaseParkedAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                var waiting = await db.Parked.Where(p => p.ReleasedAt == null).OrderBy(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var parked in waiting)
                {
                    var change = SyncJson.Deserialize<ObservedChange>(parked.Change);
                    var result = await HandleAsync(db, parked.SystemName, change, parked, cancellationToken).ConfigureAwait(false);
                    if (result != IntakeResult.Parked)
                    {
                        parked.ReleasedAt = time.GetUtcNow();
                        released++;
                    }

                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (released > 0)
        {
            logger.LogInformation("Released {Count} parked changes after the mapping changed", released);
            dispatch.CommandsQueued();
        }

        return released;
    }

    private async Task<IntakeResult> HandleAsync(HubDbContext db, string system, ObservedChange change, ParkedChange? parked, CancellationToken cancellationToken)
    {
        var map = mappings.Current;
        var now = time.GetUtcNow();
        var sourceRecord = change.ExternalNumber ?? change.ExternalId;
        var stated = change.OccurredAt;
        var stampedAt = OutsideClock.Clamp(stated, parked?.ParkedAt ?? now);
        var link = await HubQueries.Of(db).LinkOf(db, system, change.ExternalId, cancellationToken).ConfigureAwait(false);
        if (link is null && change.CorrelationKey is { } key && await CaseAsync(db, key, cancellationToken).ConfigureAwait(false) is { } own)
        {
            if (await CorrelationClaim.RefusalAsync(db, own.Id, system, sourceRecord, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                await journal.AppendAsync(db, CorrelationClaim.RefusedLine(own.Id, system, sourceRecord, refusal, map.Version), cancellationToken).ConfigureAwait(false);
                logger.LogWarning("Refused {System} record {Record}: {Reason}", system, sourceRecord, refusal);
                return IntakeResult.ClaimRefused;
            }

            link = await CaseLinks.RecoveredAsync(db, journal, own.Id, system, change, map, now, cancellationToken).ConfigureAwait(false);
        }

        if (link is not null)
        {
            EngineSpans.AboutCase(link.CaseId);
            await CaseTraceLink.AddAsync(db, link.CaseId, cancellationToken).ConfigureAwait(false);
        }

        var view = RecordView.Of(change);
        if (link is not null && view.Count > 0 && parked is null)
        {
            await LinkMemoryHold.HoldAsync(db, link, cancellationToken).ConfigureAwait(false); // the reading is remembered below
        }

        var memory = link is null || view.Count == 0 ? null : CaseLinks.MemoryOf(link);
        var changedByOthers = change.WrittenByHub && memory is not null ? memory.ChangedByOthers(view, stampedAt) : [];
        if (memory is not null && link is not null && parked is null)
        {
            // A parked change was remembered as read when it was parked; reading it again would hide later readings.
            CaseLinks.Read(link, view, showsHubWrite: change.WrittenByHub, stampedAt);
        }

        if (change.WrittenByHub && changedByOthers.Count > 0)
        {
            logger.LogInformation("{System} record {Record}: {Fields} changed by someone else just before the hub's own write; taking that up",
                system, sourceRecord, string.Join(", ", changedByOthers));
            change = RecordView.Only(change, changedByOthers) with
            {
                WrittenByHub = false,
                Actor = $"someone in {system} just before the hub's own write ({string.Join(", ", changedByOthers)})",
            };
        }

        if (change.WrittenByHub)
        {
            if (link is not null)
            {
                await journal.AppendAsync(db, new JournalLine
                {
                    CaseId = link.CaseId, Kind = change.Kind.ToString(), Outcome = JournalOutcome.SkippedAsEcho,
                    SourceSystem = system, SourceRecord = sourceRecord, MappingVersion = map.Version,
                    Detail = $"written by the hub itself (version {change.Version})",
                }, cancellationToken).ConfigureAwait(false);
            }

            return IntakeResult.Echo;
        }

        if (parked is not null && link is not null)
        {
            var held = await CaseOfAsync(db, link, cancellationToken).ConfigureAwait(false);
            var replaced = ParkedSupersession.ReplacedFields(change, system, memory, FieldStamps.Parse(held.FieldStamps), stampedAt);
            if (replaced.Count > 0)
            {
                var remaining = ParkedSupersession.Remaining(change, replaced);
                var wholly = remaining.Count == 0 && change.Comment is not { Text.Length: > 0 };
                await journal.AppendAsync(db, ParkedSupersession.SupersededLine(held.Id, system, sourceRecord, change, CaseState.ToFields(held), replaced, wholly, map.Version), cancellationToken).ConfigureAwait(false);
                if (wholly)
                {
                    parked.Reason = $"superseded: a later reading of the record replaced {string.Join(", ", replaced)} (parked because: {parked.Reason})";
                    return IntakeResult.Superseded;
                }

                change = RecordView.Only(change, remaining);
            }
        }

        var (fields, unknown) = ValueTranslator.Inbound(map, system, change);
        if (unknown is not null)
        {
            await ParkAsync(db, system, change, link?.CaseId, unknown, parked, map, cancellationToken).ConfigureAwait(false);
            return IntakeResult.Parked;
        }

        if (parked is not null)
        {
            await journal.AppendAsync(db, new JournalLine
            {
                CaseId = link?.CaseId, Kind = change.Kind.ToString(), Outcome = JournalOutcome.Released,
                SourceSystem = system, SourceRecord = sourceRecord, MappingVersion = map.Version,
                Detail = $"parked change taken up with mapping {map.Version}",
            }, cancellationToken).ConfigureAwait(false);
        }

        change = change with { OccurredAt = stampedAt };
        if (link is null)
        {
            var opened = await planner.OpenCaseAsync(db, system, change, fields, map, now, cancellationToken).ConfigureAwait(false);
            if (opened.Origin is { } origin)
            {
                EngineSpans.AboutCase(origin.CaseId);
                await JournalClampAsync(db, origin.CaseId, system, sourceRecord, stated, stampedAt, map, cancellationToken).ConfigureAwait(false);
            }

            return opened.Result;
        }

        var record = await CaseOfAsync(db, link, cancellationToken).ConfigureAwait(false);
        await JournalClampAsync(db, record.Id, system, sourceRecord, stated, stampedAt, map, cancellationToken).ConfigureAwait(false);
        return await planner.UpdateCaseAsync(db, system, change, fields, record, map, now, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CaseRecord> CaseOfAsync(HubDbContext db, LinkRecord link, CancellationToken cancellationToken) =>
        await CaseAsync(db, link.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Link {link.SystemName}/{link.ExternalId} points to missing case {link.CaseId}.");

    private static Task<CaseRecord?> CaseAsync(HubDbContext db, string caseId, CancellationToken cancellationToken) =>
        TrackedRecords.FindAsync<CaseRecord>(db, c => c.Id == caseId, () => HubQueries.Of(db).CaseTracked(db, caseId, cancellationToken));

    private async Task JournalClampAsync(HubDbContext db, string caseId, string system, string record, DateTimeOffset stated, DateTimeOffset used, MappingSet map, CancellationToken cancellationToken)
    {
        if (used == stated)
        {
            return;
        }

        await journal.AppendAsync(db, OutsideClock.ClampLine(caseId, system, record, stated, used, map.Version), cancellationToken).ConfigureAwait(false);
        logger.LogWarning("{System} record {Record} was dated {Stated:O}, beyond the hub's clock; later-wins uses {Used:O}", system, record, stated, used);
    }

    private async Task ParkAsync(HubDbContext db, string system, ObservedChange change, string? caseId, string reason, ParkedChange? parked, MappingSet map, CancellationToken cancellationToken)
    {
        if (parked is not null)
        {
            parked.Reason = reason;
            return;
        }

        db.Parked.Add(new ParkedChange
        {
            SystemName = system,
            ExternalId = change.ExternalId,
            Version = change.Version,
            Change = SyncJson.Serialize(change),
            Reason = reason,
            ParkedAt = time.GetUtcNow(),
        });
        await journal.AppendAsync(db, new JournalLine
        {
            CaseId = caseId, Kind = change.Kind.ToString(), Outcome = JournalOutcome.Parked,
            SourceSystem = system, SourceRecord = change.ExternalNumber ?? change.ExternalId,
            MappingVersion = map.Version, Error = reason,
        }, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Parked a change of {System} record {Record}: {Reason}", system, change.ExternalNumber ?? change.ExternalId, reason);
    }
}
