using System.Runtime.CompilerServices;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Journal;

/// <summary>
/// Appends to the correlation log inside the caller's unit of work; entries added in the same unit of work chain onto
/// each other. The chain has one writer across processes because the last hash is read only once the unit of work holds
/// the journal's write lock in the database (<see cref="JournalWriteLock"/>); the <see cref="HubWriteGate"/> only keeps
/// one process's own units of work from queueing on that lock. With a journal key each entry is signed (HMAC-SHA256)
/// and names the key's id, so only a holder of the key can rewrite the chain unseen.
/// </summary>
public sealed class HubJournal(TimeProvider time, JournalKeyRing? keys = null)
{
    /// <summary>
    /// The entry last appended in each unit of work: the head the next append chains onto while it is still waiting to be
    /// saved (added, not saved, not detached by a rollback or the context's return to the pool). Looking it up is one
    /// entry's state, not a scan of everything the context tracks.
    /// </summary>
    private static readonly ConditionalWeakTable<DbContext, JournalEntry> LastAppended = new();

    private readonly JournalKey? signing = keys?.Signing;
    private bool rehearsal;

    /// <summary>
    /// A journal for a rehearsal (<see cref="Sync.ChangeIntake.PlanAsync"/>), whose unit of work is never saved: it takes
    /// no write lock and opens no transaction, so it reads a read-only database and never waits for, or holds back, the
    /// running hub; its entries chain from the genesis hash and are only shown.
    /// </summary>
    public static HubJournal ForRehearsal(TimeProvider time) => new(time) { rehearsal = true };

    /// <summary>Whether this journal only rehearses (<see cref="ForRehearsal"/>): nothing it is given is ever saved.</summary>
    public bool IsRehearsal => rehearsal;

    /// <summary>
    /// Takes the journal's write lock for the unit of work before anything is appended (unless rehearsing), so what the
    /// caller reads next (has this been journaled already?) cannot change under it in another process or node.
    /// </summary>
    public async Task HoldWriteLockAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        if (!rehearsal)
        {
            await JournalWriteLock.HoldAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<JournalEntry> AppendAsync(HubDbContext db, JournalLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(line);

        var pending = PendingHead(db);
        var (lastSequence, lastHash) = pending is not null ? (pending.Sequence, pending.Hash)
            : rehearsal ? (0, JournalHash.Genesis)
            : await LastAsync(db, cancellationToken).ConfigureAwait(false);

        var entry = new JournalEntry
        {
            Sequence = lastSequence + 1,
            At = time.GetUtcNow(),
            CaseId = line.CaseId,
            Kind = line.Kind,
            SourceSystem = line.SourceSystem,
            SourceRecord = line.SourceRecord,
            TargetSystem = line.TargetSystem,
            TargetRecord = line.TargetRecord,
            Before = line.Before,
            After = line.After,
            MappingVersion = line.MappingVersion,
            Outcome = line.Outcome,
            Attempt = line.Attempt,
            Error = line.Error,
            Detail = line.Detail,
            PreviousHash = lastHash,
            KeyId = signing?.Id,
            Hash = string.Empty,
        };
        entry.Hash = JournalHash.Compute(entry, signing);
        db.Journal.Add(entry);
        LastAppended.AddOrUpdate(db, entry);
        return entry;
    }

    /// <summary>
    /// The unit of work's last appended entry while it is still to be saved. Every append chains onto the one before,
    /// so that entry has the highest sequence of those waiting; once saved (or dropped) the head is read from the database.
    /// </summary>
    private static JournalEntry? PendingHead(HubDbContext db) =>
        LastAppended.TryGetValue(db, out var last) && TrackedRecords.StateOf(db, last) == EntityState.Added ? last : null;

    private static async Task<(long Sequence, string Hash)> LastAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        await JournalWriteLock.HoldAsync(db, cancellationToken).ConfigureAwait(false);
        var last = await LeanReads.Of(db).JournalHeadAsync(db, cancellationToken).ConfigureAwait(false);
        return last is null ? (0, JournalHash.Genesis) : (last.Sequence, last.Hash);
    }
}
