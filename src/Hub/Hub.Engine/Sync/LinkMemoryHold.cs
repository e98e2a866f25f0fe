using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// A link's memory of its record (<see cref="RecordMemory"/>) is read, changed and written back by the intake (a reading
/// of the record) and by the dispatcher (the fields it is about to write). In one process the write gate keeps the two
/// apart. On PostgreSQL several nodes share the database and each has a gate of its own, so each holds the link's row
/// (<c>SELECT … FOR UPDATE</c>) until its transaction ends and reads the memory under that hold: without it a node's
/// reading could write back a memory from before another node noted the fields it was writing, and that write, read
/// back later, was taken for someone else's change (the journal said a person in the service desk set the status the
/// hub had set). SQLite has one process and its gate: nothing to do there.
/// </summary>
internal static class LinkMemoryHold
{
    /// <summary>Holds the row of link <paramref name="linkId"/> until the context's transaction ends (one must be open).</summary>
    public static async Task LockAsync(HubDbContext db, long linkId, CancellationToken cancellationToken)
    {
        if (db is not PostgresHubDbContext)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A link's memory is held only inside a transaction: without one the hold ends with the statement.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM links WHERE \"Id\" = {linkId} FOR UPDATE", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Holds a link already read (tracked, unchanged) and reads it again under the hold, so its memory is the latest.</summary>
    public static async Task HoldAsync(HubDbContext db, LinkRecord link, CancellationToken cancellationToken)
    {
        if (db is not PostgresHubDbContext || db.Entry(link).State != EntityState.Unchanged)
        {
            return; // SQLite, or a link this unit of work made: nobody else can hold it yet
        }

        await LockAsync(db, link.Id, cancellationToken).ConfigureAwait(false);
        await db.Entry(link).ReloadAsync(cancellationToken).ConfigureAwait(false);
    }
}
