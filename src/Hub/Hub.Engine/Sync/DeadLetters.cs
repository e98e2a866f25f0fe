using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>What an admin does with commands that failed for good: list, replay after fixing the cause, or discard.</summary>
public sealed class DeadLetters(HubDatabase database, HubJournal journal, HubWriteGate gate, TimeProvider time)
{
    public async Task<IReadOnlyList<OutboxCommand>> ListAsync(CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.DeadLettered).OrderBy(o => o.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Puts the dead letter back in the outbox for an immediate attempt. False when there is no such dead letter.</summary>
    public Task<bool> ReplayAsync(long id, string? by, CancellationToken cancellationToken) =>
        ChangeAsync(id, OutboxStatus.Pending, HubEvent.DeadLetterReplayed, JournalOutcome.Replayed, by, cancellationToken);

    /// <summary>Gives the dead letter up for good (journaled). False when there is no such dead letter.</summary>
    public Task<bool> DiscardAsync(long id, string? by, CancellationToken cancellationToken) =>
        ChangeAsync(id, OutboxStatus.Discarded, HubEvent.DeadLetterDiscarded, JournalOutcome.Discarded, by, cancellationToken);

    private async Task<bool> ChangeAsync(long id, OutboxStatus status, string kind, string outcome, string? by, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                // The row is read under the journal's write lock: a second admin (another process) replaying the same
                // dead letter at once then finds it pending already, instead of both putting it back.
                await JournalWriteLock.HoldAsync(db, cancellationToken).ConfigureAwait(false);
                var row = await db.Outbox.FirstOrDefaultAsync(o => o.Id == id && o.Status == OutboxStatus.DeadLettered, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    return false;
                }

                row.Status = status;
                row.NextAttemptAt = time.GetUtcNow();
                if (status == OutboxStatus.Pending)
                {
                    row.Attempts = 0;
                }

                await journal.AppendAsync(db, new JournalLine
                {
                    CaseId = row.CaseId, Kind = kind, Outcome = outcome, TargetSystem = row.TargetSystem,
                    Detail = $"dead letter {row.Id} ({row.Kind}) by {by ?? Environment.UserName}", Error = row.LastError,
                }, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }
}
