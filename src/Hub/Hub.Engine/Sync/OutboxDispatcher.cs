using Hub.Engine.Telemetry;
using System.Collections.Concurrent;
using Hub.Abstractions.Adapters;
using Hub.Engine.Cluster;
using Hub.Engine.Journal;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Journey;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Sync;

/// <summary>
/// Sends due outbox commands through their target adapters: one case strictly in order, different cases side
/// by side. Each row's intent becomes the adapter's command when it is sent (<see cref="AdapterCommands"/>). Success is
/// journaled with the mapping the intent was translated with (a created record becomes a link, <see cref="CaseLinks"/>,
/// and a milestone for the reporter, <see cref="MilestoneWriter"/>);
/// a transient failure waits its backoff (and any Retry-After, for every command to that system); a permanent one
/// becomes a dead letter.
/// <para>Several nodes on one database share the sending: a node leases the commands it takes (LeasedBy, LeaseUntil,
/// <c>Hub:Sync:DispatchLease</c>) and only a case's first pending command can be leased, so one case is sent by one
/// node at a time and in order. A dead node's leases run out and another node takes them over. Each lease raises the
/// row's fencing token; a node records an outcome only while the row still carries its token, so a lease taken twice
/// (a node too slow for its lease) is recorded once, and the target's idempotent create (by correlation key) and the
/// command key keep the second send from creating anything twice.</para>
/// </summary>
public sealed class OutboxDispatcher(
    HubDatabase database,
    HubNode node,
    ClusterOptions cluster,
    SystemAdapters adapters,
    IMappingProvider mappings,
    HubJournal journal,
    HubWriteGate gate,
    TimeProvider time,
    SyncOptions options,
    ILogger<OutboxDispatcher> logger,
    NamedCases? namedCases = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> penalties = new(StringComparer.OrdinalIgnoreCase);
    private readonly MilestoneWriter milestones = new(journal, options.Zone());
    private readonly SemaphoreSlim rounds = new(1, 1);

    /// <summary>The rows this round leased (its takes run one after the other): out now, so never free to take again.</summary>
    private readonly HashSet<long> takenThisRound = [];

    /// <summary>
    /// Sends what is due now; returns how many commands were attempted. The live lane goes first (<see cref="DispatchLanes"/>):
    /// the newest first commands of new cases, then the due heads oldest first; while the round runs, a look for new
    /// live commands every <see cref="DispatchLanes.LiveLook"/> puts them before the rest of the round. One round at a
    /// time on this node, so what this node leased before the round began is not out any more: it is left over from a
    /// round that failed (its database went away while it sent), and this round may take it again. At most
    /// <see cref="SyncOptions.DispatchConcurrency"/> commands are sent at once; a sender whose call has answered takes the
    /// next command while its outcome is recorded (<see cref="SendersFreed"/>), and the round ends once every outcome is.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await rounds.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            takenThisRound.Clear();
            var (live, bulk) = await OnOneConnectionAsync(async db =>
            {
                var takenLive = await TakeDueAsync(db, DispatchLane.Live, cancellationToken).ConfigureAwait(false); // first: the bulk take leaves out what it leased
                return (takenLive, await TakeDueAsync(db, DispatchLane.Bulk, cancellationToken).ConfigureAwait(false));
            }, cancellationToken).ConfigureAwait(false);
            if (live.Count + bulk.Count == 0)
            {
                return 0;
            }

            var lanes = new DispatchLanes(live, bulk, ct => OnOneConnectionAsync(db => TakeDueAsync(db, DispatchLane.Live, ct), ct), time);
            var senders = new SendersFreed();
            try
            {
                await Parallel.ForEachAsync(
                    lanes.InOrderAsync(cancellationToken),
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.DispatchConcurrency), CancellationToken = cancellationToken },
                    async (command, _) => await senders.SendAsync(answered => SendAsync(command, answered, cancellationToken)).ConfigureAwait(false)).ConfigureAwait(false);
            }
            catch
            {
                await senders.AllEndedAsync().ConfigureAwait(false); // no outcome of this round is still being written when the next round takes
                throw;
            }

            await senders.AllRecordedAsync().ConfigureAwait(false);
            return lanes.Taken;
        }
        finally
        {
            rounds.Release();
        }
    }

    /// <summary>
    /// The first pending command of each case, when it is due, nobody holds its lease and its system is not in a
    /// penalty, leased to this node. The penalty is part of the query, before the batch is cut: a system in a long
    /// Retry-After penalty with a deep queue never fills the batch and starves the others. A case whose first command
    /// waits in a penalty (or is leased by another node) still waits as a whole. In the live lane only a case's very
    /// first command (nothing queued for the case before it), newest first, as many as are sent side by side.
    /// </summary>
    private async Task<List<OutboxCommand>> TakeDueAsync(HubDbContext db, DispatchLane lane, CancellationToken cancellationToken)
    {
        var candidates = await DueHeadsAsync(db, lane, cancellationToken).ConfigureAwait(false);
        return candidates.Count == 0 ? candidates : await LeaseAsync(db, candidates, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One unit of work on one opened connection: its queries and updates run one after the other on it instead of each
    /// taking a connection from the pool again. Nothing is tracked across them (the takes read untracked and lease with
    /// one UPDATE), and no transaction spans them: each statement commits on its own, as when each had its own opening.
    /// </summary>
    private async Task<T> OnOneConnectionAsync<T>(Func<HubDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(db).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Leases what no other node leased in the meantime: one conditional UPDATE, so of two nodes racing for a row one
    /// wins (PostgreSQL re-checks the condition on the row the winner committed; SQLite has one writer), and the winner
    /// reads back the rows carrying its lease, in the candidates' order. The UPDATE waits its turn at the write gate
    /// like every other writer of this process: outside it, it met the outcomes being recorded on SQLite's write lock
    /// and slept in SQLite's busy handler (1, 2, 5, 10 ms and longer) until it happened on a moment between two of them,
    /// 6-180 ms a take at 0 ms per call, while no command was in flight.
    /// </summary>
    private async Task<List<OutboxCommand>> LeaseAsync(HubDbContext db, List<OutboxCommand> candidates, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + options.DispatchLease;
        var ids = candidates.Select(c => c.Id).ToList();
        var me = node.NodeId;
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await Free(db, db.Outbox.Where(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Pending), now)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(o => o.LeasedBy, me)
                    .SetProperty(o => o.LeaseUntil, until)
                    .SetProperty(o => o.LeaseToken, o => o.LeaseToken + 1), cancellationToken).ConfigureAwait(false);
        }

        var leased = await db.Outbox.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.LeasedBy == me && o.LeaseUntil == until && o.Status == OutboxStatus.Pending)
            .ToDictionaryAsync(o => o.Id, cancellationToken).ConfigureAwait(false);
        takenThisRound.UnionWith(leased.Keys);
        return ids.Where(leased.ContainsKey).Select(id => leased[id]).ToList();
    }

    /// <summary>
    /// Rows nobody holds: never leased, lease run out, leased by this node before this round (nothing of this node is
    /// out between rounds: that round failed, e.g. its database went away while it sent), or leased by a node that is
    /// gone; never a row this round took. A node is gone when it has not checked in for
    /// <see cref="ClusterOptions.LostAfter"/>; on SQLite every other node is gone (one process owns the file), so a
    /// restarted hub resends at once what the killed one was sending.
    /// </summary>
    private IQueryable<OutboxCommand> Free(HubDbContext db, IQueryable<OutboxCommand> rows, DateTimeOffset now)
    {
        var taken = takenThisRound.ToList();
        rows = rows.Where(o => !taken.Contains(o.Id));
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return rows;
        }

        var me = node.NodeId;
        var aliveSince = now - cluster.LostAfter;
        return rows.Where(o => o.LeaseUntil == null || o.LeaseUntil <= now || o.LeasedBy == me
                               || !db.Nodes.Any(n => n.NodeId == o.LeasedBy && n.CheckedInAt > aliveSince));
    }

    private async Task<List<OutboxCommand>> DueHeadsAsync(HubDbContext db, DispatchLane lane, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var penalised = PenalisedSystems(now);
        var heads = db.Outbox.AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending
                        && !db.Outbox.Any(e => e.CaseId == o.CaseId && e.Id < o.Id && (e.Status == OutboxStatus.Pending || e.Status == OutboxStatus.DeadLettered)))
            .Where(o => o.NextAttemptAt <= now);
        heads = Free(db, heads, now);
        if (penalised.Count > 0)
        {
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(): no culture of this process is involved (EF cannot translate ToLowerInvariant).
            heads = heads.Where(o => !penalised.Contains(o.TargetSystem.ToLower()));
#pragma warning restore CA1304, CA1311
        }

        if (lane == DispatchLane.Live)
        {
            var wanted = Math.Max(1, options.DispatchConcurrency);
            var named = namedCases?.Current() ?? [];
            var first = named.Count == 0 ? [] : await heads
                .Where(o => named.Contains(o.CaseId))
                .OrderBy(o => o.Id)
                .Take(wanted)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (first.Count == wanted)
            {
                return first;
            }

            var chosen = first.Select(o => o.Id).ToList();
            var fresh = await heads
                .Where(o => !chosen.Contains(o.Id) && !db.Outbox.Any(e => e.CaseId == o.CaseId && e.Id < o.Id))
                .OrderByDescending(o => o.Id)
                .Take(wanted - first.Count)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. first, .. fresh];
        }

        return await heads
            .OrderBy(o => o.Id)
            .Take(Math.Max(1, options.DispatchBatchSize))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => rounds.Dispose();

    /// <summary>The systems inside a Retry-After penalty now, lower case (system names match in any letter case).</summary>
    private List<string> PenalisedSystems(DateTimeOffset now) =>
        penalties.Where(p => p.Value > now).Select(p => p.Key.ToLowerInvariant()).Distinct().ToList();

    /// <summary>
    /// Sends the command and records its outcome; <paramref name="answered"/> is called once the target has answered (or
    /// the send failed), before the outcome is recorded, so the round can hand its sender the next command meanwhile.
    /// </summary>
    private async Task SendAsync(OutboxCommand command, Action answered, CancellationToken cancellationToken)
    {
        var map = mappings.Current;
        OutboxIntent? intent = null;
        using var span = EngineSpans.Dispatch(command);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CaseId"] = command.CaseId, ["System"] = command.TargetSystem });
        try
        {
            if (!adapters.TryGet(command.TargetSystem, out var adapter))
            {
                throw AdapterException.Permanent(command.TargetSystem, $"no system '{command.TargetSystem}' is configured (Hub:Systems:{command.TargetSystem}).");
            }

            intent = OutboxPayload.Read(command);
            var sent = intent switch
            {
                CreateIntent create => await CreateAsync(adapter, command, create, cancellationToken).ConfigureAwait(false),
                ChangeIntent change => await ApplyAsync(adapter, command, change, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Outbox row {command.Id} holds an intent of an unknown kind ({intent.GetType().Name})."),
            };
            answered();
            await CompleteAsync(command, intent, map, sent, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception lost) when (lost is not AdapterException && DatabaseOutage.IsOwnDatabase(lost))
        {
            // Not the target's failure: no attempt counted, no backoff, nothing journaled against it. The round ends,
            // the dispatch loop waits a tick, and the next round takes the command again (the node's own lease).
            logger.LogWarning("The hub's database failed while {Kind} to {System} was out ({Reason}); it stays pending and goes out again when the database answers",
                command.Kind, command.TargetSystem, DatabaseOutage.Describe(lost));
            throw;
        }
        catch (AdapterException failure)
        {
            Penalise(command.TargetSystem, failure.RetryAfter); // before the sender is handed back: the round's next look for live commands leaves the system out
            answered();
            await FailAsync(command, MappingVersionOf(intent, map), failure.Kind, failure.Message, failure.RetryAfter, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any other failure of an adapter is retried and journaled, never lost or fatal to the dispatcher.
        catch (Exception unexpected)
#pragma warning restore CA1031
        {
            answered();
            logger.LogError(unexpected, "Unexpected failure sending {Kind} to {System}", command.Kind, command.TargetSystem);
            await FailAsync(command, MappingVersionOf(intent, map), FailureKind.Transient, $"{unexpected.GetType().Name}: {unexpected.Message}", null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The mapping the intent's values were translated with; for a row an older hub queued, the one in force now.</summary>
    private static string MappingVersionOf(OutboxIntent? intent, MappingSet map) => intent?.MappingVersion ?? map.Version;

    /// <summary>Creates the record unless the case is linked to one in the target already.</summary>
    private async Task<Sent> CreateAsync(ISystemAdapter adapter, OutboxCommand command, CreateIntent intent, CancellationToken cancellationToken)
    {
        var context = await SendContext.ReadAsync(database, command.CaseId, withCase: false, cancellationToken).ConfigureAwait(false);
        if (context.LinkIn(command.TargetSystem) is { } existing)
        {
            return new Sent(new RecordReference(existing.ExternalId, existing.ExternalNumber), IsNewRecord: false, context);
        }

        return new Sent(await adapter.CreateAsync(AdapterCommands.Create(intent, command, context.Records), cancellationToken).ConfigureAwait(false), IsNewRecord: true, context);
    }

    private async Task<Sent> ApplyAsync(ISystemAdapter adapter, OutboxCommand command, ChangeIntent intent, CancellationToken cancellationToken)
    {
        var (context, link) = await OnOneConnectionAsync(db => ReadAndNoteAsync(db, command, intent, cancellationToken), cancellationToken).ConfigureAwait(false);
        var whole = intent.WithWholeCase ? context.WholeCase(link) : null;
        await adapter.ApplyAsync(AdapterCommands.Change(intent, command, link, whole), cancellationToken).ConfigureAwait(false);
        return new Sent(new RecordReference(link.ExternalId, link.ExternalNumber), IsNewRecord: false, context);
    }

    /// <summary>
    /// What a change needs before it goes out, in one unit of work: what it is sent with (<see cref="SendContext"/>), the
    /// target's record among it, and the note of the fields it will write. The connection is given back before the send.
    /// </summary>
    private async Task<(SendContext Context, LinkRecord Link)> ReadAndNoteAsync(HubDbContext db, OutboxCommand command, ChangeIntent intent, CancellationToken cancellationToken)
    {
        var context = await SendContext.ReadAsync(db, command.CaseId, intent.WithWholeCase, cancellationToken).ConfigureAwait(false);
        var link = context.LinkIn(command.TargetSystem)
            ?? throw AdapterException.Permanent(command.TargetSystem, $"case {command.CaseId} has no record in '{command.TargetSystem}' to change (its create failed or was discarded).");
        await NoteWritesAsync(db, link.Id, RecordView.Writes(intent.Fields, intent.TargetValues), cancellationToken).ConfigureAwait(false);
        return (context, link);
    }

    /// <summary>
    /// Before writing: these fields will show the hub's value when it reads the record back (see <see cref="RecordMemory"/>).
    /// The link is read again, tracked, under the write gate (and, on PostgreSQL, under a hold of its row that other
    /// nodes' readings wait for: <see cref="LinkMemoryHold"/>), so no other writer's change of it in between is lost.
    /// </summary>
    private async Task NoteWritesAsync(HubDbContext db, long linkId, IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
    {
        if (fields.Count == 0)
        {
            return;
        }

        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            if (db is not PostgresHubDbContext)
            {
                await NoteAsync(db, linkId, fields, cancellationToken).ConfigureAwait(false);
                return;
            }

            var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                await LinkMemoryHold.LockAsync(db, linkId, cancellationToken).ConfigureAwait(false); // other nodes' readings of it wait
                await NoteAsync(db, linkId, fields, cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task NoteAsync(HubDbContext db, long linkId, IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
    {
        var link = await HubQueries.Of(db).LinkById(db, linkId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Link {linkId} is gone.");
        CaseLinks.Writes(link, fields, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the row done and journals it; a record the target just created becomes the case's link to it, in the same
    /// step. One unit of work on one connection and one transaction: the journal's write lock is taken first, the row is
    /// marked done by a conditional UPDATE only while it carries the lease it was sent under (<see cref="DoneUnderLeaseAsync"/>),
    /// and the one save adds the link, the journal lines and the milestone and commits all of it with the row (<see cref="DirectSave"/>).
    /// </summary>
    private async Task CompleteAsync(OutboxCommand command, OutboxIntent intent, MappingSet map, Sent sent, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                var now = time.GetUtcNow();
                if (!await DoneUnderLeaseAsync(db, command, now, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                var target = sent.Record;
                if (sent.IsNewRecord)
                {
                    await CaseLinks.CreatedAsync(db, command.CaseId, command.TargetSystem, target, map, now, cancellationToken).ConfigureAwait(false);
                }

                await journal.AppendAsync(db, new JournalLine
                {
                    CaseId = command.CaseId, Kind = command.Kind, Outcome = JournalOutcome.Applied,
                    TargetSystem = command.TargetSystem, TargetRecord = target.ExternalNumber ?? target.ExternalId,
                    MappingVersion = MappingVersionOf(intent, map), Attempt = command.Attempts + 1, Detail = DetailOf(intent),
                }, cancellationToken).ConfigureAwait(false);
                if (intent is CreateIntent)
                {
                    await ReachedAsync(db, command, map, sent.Read, now, cancellationToken).ConfigureAwait(false);
                }

                // A failed save rolls the whole unit of work back (the row stays pending): no savepoint to return to.
                db.Database.AutoSavepointsEnabled = false;
                try
                {
                    await DirectSave.SaveAsync(db, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    db.Database.AutoSavepointsEnabled = true; // the pooled context's next unit of work starts as usual
                }

                CommandMetrics.Sent(command);
            }
        }
    }

    /// <summary>
    /// Inside the unit of work's transaction (the journal's write lock, taken here), marks the row done in one UPDATE
    /// that only matches while the row is pending and still carries this node's lease and the fencing token it was sent
    /// under: of a node too slow for its lease and the node that took it over, only the holder records the outcome.
    /// The row is not read first: its attempts are the ones it was leased with (only the lease's holder changes a pending
    /// row), and the UPDATE holds the row (PostgreSQL's row lock, SQLite's write lock) until the transaction ends, so no
    /// take-over can come between the check and the commit. False, with the holder logged, when the lease was lost.
    /// </summary>
    private async Task<bool> DoneUnderLeaseAsync(HubDbContext db, OutboxCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await journal.HoldWriteLockAsync(db, cancellationToken).ConfigureAwait(false);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A command's outcome is recorded inside the journal's transaction; this journal opened none (a rehearsal's journal cannot send).");
        }

        if (await OutboxDoneUnderLease.MarkAsync(db, command.Id, command.LeaseToken, node.NodeId, now, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var row = await HubQueries.Of(db).OutboxRow(db, command.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Outbox row {command.Id} is gone.");
        _ = StillLeased(row, command); // logs who holds it; nothing of this outcome is saved without the row marked done
        return false;
    }

    /// <summary>A record created for the case is a step of its journey: forwarded (the origin's next hop) or a work order sent (further on).</summary>
    private async Task ReachedAsync(HubDbContext db, OutboxCommand command, MappingSet map, SendContext read, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await LeanReads.Of(db).CaseAsync(db, command.CaseId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return;
        }

        var forwarded = map.RoutesFrom(record.OriginSystem).Any(r => string.Equals(r.To, command.TargetSystem, StringComparison.OrdinalIgnoreCase));
        var step = new MilestoneStep(forwarded ? Milestone.Forwarded : Milestone.WorkOrderSent, command.TargetSystem);
        await milestones.WriteAsync(db, record, read.LinkIn(record.OriginSystem), step, map, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A Retry-After holds back every command to the system until it has passed.</summary>
    private void Penalise(string system, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            penalties[system] = time.GetUtcNow() + wait;
        }
    }

    private async Task FailAsync(OutboxCommand command, string mappingVersion, FailureKind kind, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        error = NulCharacters.Visible(error);
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                var row = await LeasedRowAsync(db, command, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    return;
                }

                row.Attempts++;
                row.LastError = error;
                row.LeaseUntil = null;
                var dead = kind == FailureKind.Permanent || row.Attempts >= options.MaxAttempts;
                if (dead)
                {
                    row.Status = OutboxStatus.DeadLettered;
                }
                else
                {
                    row.NextAttemptAt = now + Backoff(row.Attempts, retryAfter);
                }

                await journal.AppendAsync(db, new JournalLine
                {
                    CaseId = command.CaseId, Kind = command.Kind, Outcome = dead ? JournalOutcome.DeadLettered : JournalOutcome.Failed,
                    TargetSystem = command.TargetSystem, MappingVersion = mappingVersion, Attempt = row.Attempts, Error = error,
                    Detail = dead ? $"dead letter {row.Id}: fix the cause, then 'hub deadletters replay {row.Id}'" : $"next attempt at {row.NextAttemptAt:O}",
                }, cancellationToken).ConfigureAwait(false);
                if (!await SaveFencedAsync(db, command, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                CommandMetrics.Failed(command, dead, error);
                if (dead)
                {
                    logger.LogError("Dead-lettered {Kind} to {System} for {CaseId}: {Error}", command.Kind, command.TargetSystem, command.CaseId, error);
                }
                else
                {
                    logger.LogWarning("Attempt {Attempt} of {Kind} to {System} failed, retrying at {Next}: {Error}", row.Attempts, command.Kind, command.TargetSystem, row.NextAttemptAt, error);
                }
            }
        }
    }

    /// <summary>
    /// The command's row, tracked, read under the journal's write lock (the unit of work's transaction, which its one
    /// SaveChanges commits), when this node still holds the lease it sent the command under; else null.
    /// </summary>
    private async Task<OutboxCommand?> LeasedRowAsync(HubDbContext db, OutboxCommand command, CancellationToken cancellationToken)
    {
        await journal.HoldWriteLockAsync(db, cancellationToken).ConfigureAwait(false);
        var row = await HubQueries.Of(db).OutboxRow(db, command.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Outbox row {command.Id} is gone.");
        return StillLeased(row, command) ? row : null;
    }

    /// <summary>
    /// Whether this node still holds the lease it sent the command under. When not, another node took the command over
    /// and records it. A first look only: a take-over after it is caught when the outcome is saved (<see cref="SaveFencedAsync"/>).
    /// </summary>
    private bool StillLeased(OutboxCommand row, OutboxCommand sent)
    {
        if (row.Status == OutboxStatus.Pending && row.LeaseToken == sent.LeaseToken && row.LeasedBy == node.NodeId)
        {
            return true;
        }

        logger.LogWarning("Command {Id} ({Kind} to {System}) was taken over by node {Holder} while this node sent it; its outcome is recorded by that node",
            sent.Id, sent.Kind, sent.TargetSystem, row.LeasedBy);
        return false;
    }

    /// <summary>
    /// Saves the outcome only if the row still carries the lease's token (it is the row's concurrency token): a lease
    /// taken over between <see cref="StillLeased"/> and this save makes the save fail, and the new holder records it.
    /// </summary>
    private async Task<bool> SaveFencedAsync(HubDbContext db, OutboxCommand sent, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Command {Id} ({Kind} to {System}) was taken over by another node while this node recorded it; its outcome is recorded by that node",
                sent.Id, sent.Kind, sent.TargetSystem);
            return false;
        }
    }

    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = options.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential > options.MaxRetryDelay ? options.MaxRetryDelay : exponential;
        var jitter = capped * (Random.Shared.NextDouble() * 0.2);
        var delay = capped + jitter;
        return retryAfter is { } wait && wait > delay ? wait : delay;
    }

    /// <summary>What was written, for the journal: the target's own values and the start of any text.</summary>
    private static string DetailOf(OutboxIntent intent)
    {
        if (intent is not ChangeIntent change)
        {
            return "record created and linked";
        }

        var parts = change.TargetValues.Select(v => $"{v.Key} → {v.Value}").ToList();
        if (change.Comment is { } comment)
        {
            var text = comment.Text.ReplaceLineEndings(" ");
            parts.Add($"{(comment.IsPublic ? "public" : "internal")} note: {TextCut.Shorten(text, 120)}");
        }

        return parts.Count == 0 ? "fields updated" : string.Join("; ", parts);
    }

    /// <summary>
    /// What sending an intent came to: the target's record, whether the target created it just now, and what was read
    /// for the send (the case's records: the origin's link among them, for the milestone).
    /// </summary>
    private sealed record Sent(RecordReference Record, bool IsNewRecord, SendContext Read);
}
