using System.Diagnostics.Metrics;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Telemetry;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Sync;

/// <summary>
/// Takes a page of changes in a slice at a time, each slice in one unit of work: one write-gate entry, one transaction,
/// one commit; a slice ends at <see cref="MaxChangesPerTransaction"/> changes or after the change that held the gate
/// <see cref="MaxGateHold"/>. Every change has a savepoint of its own, so it stays all or nothing: a
/// change that fails for something about itself (its content, the hub's code on it) rolls back to its savepoint, leaves
/// nothing in the change tracker for the next save, and is set aside with its reason in the journal; the rest of the
/// slice goes on. The page's last slice also sets aside the records the adapter could not read and stores the new
/// watermark, so the watermark moves in the same commit as the page's last changes. A failure of the hub's own database
/// (<see cref="DatabaseOutage"/>) rolls the slice back and ends the poll before the watermark moves: the slice is read
/// again, and what earlier slices committed the inbox drops as repeats.
/// </summary>
internal sealed class PageIntake(HubDatabase database, ChangeIntake intake, HubJournal journal, HubWriteGate gate, TimeProvider time, ILogger logger)
{
    /// <summary>Changes in one transaction at most.</summary>
    public const int MaxChangesPerTransaction = 25;

    /// <summary>
    /// How long one slice may hold the write gate: it ends, and commits, after the change that reaches this. A live
    /// complaint's intake and the dispatcher's completions wait on the same gate (see docs/performance/intake-pages.md).
    /// </summary>
    public static readonly TimeSpan MaxGateHold = TimeSpan.FromMilliseconds(100);

    private const string ChangeSavepoint = "hub_change";

    private static readonly Histogram<double> GateHeld = HubTelemetry.Meter.CreateHistogram<double>(
        "hub.intake.transaction.duration", "ms", "Time one slice of a page of changes held the hub's write gate, from entering it to the commit");

    private readonly RecordQuarantine quarantine = new(journal, time);

    /// <summary>Takes the page in and, with its last slice, stores <paramref name="watermark"/>; counts what each slice kept once it committed.</summary>
    public async Task TakeInAsync(string system, ChangeBatch batch, string? watermark, PollOutcome outcome, CancellationToken cancellationToken)
    {
        var next = 0;
        do
        {
            next = await TakeInSliceAsync(system, batch, next, watermark, outcome, cancellationToken).ConfigureAwait(false);
        }
        while (next < batch.Changes.Count);
    }

    /// <summary>Takes changes in from <paramref name="first"/> until the slice is full or has held the gate long enough; the index of the next change.</summary>
    private async Task<int> TakeInSliceAsync(string system, ChangeBatch page, int first, string? watermark, PollOutcome outcome, CancellationToken cancellationToken)
    {
        var changes = page.Changes;
        var next = first;
        var results = new List<IntakeResult>();
        var taken = new List<(ObservedChange, IntakeResult)>();
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var entered = time.GetTimestamp();
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (tx.ConfigureAwait(false))
                {
                    db.Database.AutoSavepointsEnabled = false; // each change has its own savepoint; no second one around every save
                    try
                    {
                        // At least one change per slice, however long opening it took, so a slow database still moves on.
                        while (next < changes.Count && next - first < MaxChangesPerTransaction && (next == first || time.GetElapsedTime(entered) < MaxGateHold))
                        {
                            var change = changes[next++];
                            var (result, kept) = await TakeInOneAsync(db, tx, system, change, cancellationToken).ConfigureAwait(false);
                            results.Add(result);
                            if (kept)
                            {
                                taken.Add((change, result));
                            }
                        }

                        if (next == changes.Count)
                        {
                            await EndPageAsync(db, system, page, watermark, results, cancellationToken).ConfigureAwait(false);
                        }

                        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        db.Database.AutoSavepointsEnabled = true;
                    }
                }
            }

            GateHeld.Record(time.GetElapsedTime(entered).TotalMilliseconds, new KeyValuePair<string, object?>(HubAttributes.System, system));
        }

        foreach (var result in results)
        {
            outcome.Count(result);
        }

        intake.Committed(system, taken);
        return next;
    }

    /// <summary>
    /// One change between its savepoint and the savepoint's release; kept is false when it failed for something about
    /// itself: then it is rolled back to the savepoint, nothing of it stays in the change tracker for a later save, and it
    /// is set aside (Quarantined, or Duplicate when this version was set aside before). A failure of the database itself
    /// is not caught here: it ends the poll with the slice rolled back.
    /// </summary>
    private async Task<(IntakeResult Result, bool Kept)> TakeInOneAsync(
        HubDbContext db, IDbContextTransaction tx, string system, ObservedChange change, CancellationToken cancellationToken)
    {
        await tx.CreateSavepointAsync(ChangeSavepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await intake.AcceptWithinAsync(db, system, change, cancellationToken).ConfigureAwait(false);
            await tx.ReleaseSavepointAsync(ChangeSavepoint, cancellationToken).ConfigureAwait(false);
            return (result, true);
        }
        catch (Exception failure) when (!(failure is OperationCanceledException && cancellationToken.IsCancellationRequested) && !DatabaseOutage.Is(failure))
        {
            await tx.RollbackToSavepointAsync(ChangeSavepoint, cancellationToken).ConfigureAwait(false);
            await tx.ReleaseSavepointAsync(ChangeSavepoint, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            var record = change.ExternalNumber ?? change.ExternalId;
            logger.LogError(failure, "Could not take in a {Kind} change of {System} record {Record}; set aside", change.Kind, system, record);
            var reason = $"the hub could not take in this {change.Kind} change: {DatabaseOutage.Describe(failure)}";
            var journaled = await quarantine.SetAsideAsync(db, system, new UnreadableRecord(change.ExternalId, change.ExternalNumber, change.Version, reason),
                change.Kind.ToString(), cancellationToken).ConfigureAwait(false);
            return (journaled ? IntakeResult.Quarantined : IntakeResult.Duplicate, false);
        }
        finally
        {
            db.ChangeTracker.Clear(); // the next change starts from what the database holds, as in a unit of work of its own
        }
    }

    /// <summary>The page's unreadable records set aside, then the new watermark stored, in the last slice's transaction.</summary>
    private async Task EndPageAsync(HubDbContext db, string system, ChangeBatch page, string? watermark, List<IntakeResult> results, CancellationToken cancellationToken)
    {
        foreach (var unreadable in page.Unreadable)
        {
            logger.LogWarning("Set aside {System} record {Record}: {Reason}", system, unreadable.ExternalNumber ?? unreadable.ExternalId, unreadable.Reason);
            var journaled = await quarantine.SetAsideAsync(db, system, unreadable, HubEvent.Unreadable, cancellationToken).ConfigureAwait(false);
            results.Add(journaled ? IntakeResult.Quarantined : IntakeResult.Duplicate);
        }

        await PollRecord.StoreAsync(db, journal, system, watermark, error: null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
