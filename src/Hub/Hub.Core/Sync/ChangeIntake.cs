using Hub.Core.Adapters;
using Hub.Core.Journal;
using Hub.Core.Mapping;
using Hub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Sync;

/// <summary>
/// Takes one observed change into the hub, in one transaction: inbox (drop repeats), echo check, value maps
/// (park the unknown), open or update the case with the owner and later-wins rules, journal, and queue the
/// commands for the other systems of the chain.
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
    public async Task<IntakeResult> AcceptAsync(string system, ObservedChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        change = NulCharacters.MadeVisible(change);
        IntakeResult result;
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (tx.ConfigureAwait(false))
                {
                    var seen = await db.Inbox.AnyAsync(
                        i => i.SystemName == system && i.ExternalId == change.ExternalId && i.Version == change.Version,
                        cancellationToken).ConfigureAwait(false);
                    if (seen)
                    {
                        return IntakeResult.Duplicate;
                    }

                    db.Inbox.Add(new InboxEntry { SystemName = system, ExternalId = change.ExternalId, Version = change.Version, SeenAt = time.GetUtcNow() });
                    result = await HandleAsync(db, system, change, parked: null, cancellationToken).ConfigureAwait(false);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (result is IntakeResult.Opened or IntakeResult.Updated)
        {
            dispatch.CommandsQueued();
        }

        return result;
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
        var link = await db.Links.FirstOrDefaultAsync(l => l.SystemName == system && l.ExternalId == change.ExternalId, cancellationToken).ConfigureAwait(false);
        if (link is null && change.CorrelationKey is { } key && await db.Cases.FindAsync([key], cancellationToken).ConfigureAwait(false) is { } own)
        {
            link = await planner.RecoverLinkAsync(db, own, system, change, map, now, cancellationToken).ConfigureAwait(false);
        }

        var view = RecordView.Of(change);
        var memory = link is null || view.Count == 0 ? null : RecordMemory.Parse(link.LastWrittenFingerprint);
        var changedByOthers = change.WrittenByHub && memory is not null ? memory.ChangedByOthers(view) : [];
        if (memory is not null && link is not null)
        {
            memory.Read(view, showsHubWrite: change.WrittenByHub);
            link.LastWrittenFingerprint = memory.ToJson();
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

        if (link is null)
        {
            var opened = await planner.OpenCaseAsync(db, system, change, fields, map, now, cancellationToken).ConfigureAwait(false);
            if (view.Count > 0 && db.Links.Local.FirstOrDefault(l => l.SystemName == system && l.ExternalId == change.ExternalId) is { } origin)
            {
                var first = RecordMemory.Parse(null);
                first.Read(view, showsHubWrite: false);
                origin.LastWrittenFingerprint = first.ToJson();
            }

            return opened;
        }

        var record = await db.Cases.FindAsync([link.CaseId], cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Link {system}/{change.ExternalId} points to missing case {link.CaseId}.");
        return await planner.UpdateCaseAsync(db, system, change, fields, record, map, now, cancellationToken).ConfigureAwait(false);
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
