using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Hub.Engine.Sync;

namespace Hub.Engine.Persistence;

/// <summary>
/// Saves a unit of work's added and changed rows with one parameterised statement per row (<see cref="RowInsert"/>,
/// <see cref="RowUpdate"/>) on the unit of work's own connection and inside its open transaction, then commits the
/// transaction the journal's write lock opened for it, if it did, as SaveChanges and <see cref="JournalTransactionCommit"/>
/// do; SaveChanges builds each save's SQL, batches and parameters anew (docs/performance/completion-update.md: a sent
/// command's completion, which only adds rows; docs/performance/intake-save.md: a change's intake, which also changes
/// the case, the link's memory and the year's case number). Changes to rows read are detected once, and only when the
/// unit of work holds any. Rows are written in the order the change tracker holds them, where SaveChanges orders them by
/// their relationships; so a unit of work that tracks a row of a type with a foreign key (the hub's model has none, a
/// test keeps it so), deletes a row, changes a row of a type with a concurrency token, or has no transaction is saved by
/// SaveChanges as before. A refused row fails the save as SaveChanges fails it
/// (<see cref="DbUpdateException"/> around the database's error, nothing committed); afterwards the context tracks
/// nothing, and the keys the store generated for added rows are not read back: a caller that needs them keeps to
/// SaveChanges.
/// </summary>
internal static class DirectSave
{
    public static async Task SaveAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = Writable(db);
        if (rows is null || db.Database.CurrentTransaction is not { } current)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var names = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = current.GetDbTransaction();
        try
        {
            foreach (var row in rows)
            {
                if (row.State == EntityState.Added)
                {
                    await RowInsert.Of(row.Metadata, names).RunAsync(connection, transaction, row.Entity, cancellationToken).ConfigureAwait(false);
                }
                else if (row.State == EntityState.Modified)
                {
                    await RowUpdate.Of(row.Metadata, names).RunAsync(connection, transaction, row, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (DbException refused)
        {
            await JournalWriteLock.RollBackOpenedAsync(db).ConfigureAwait(false); // nothing of the unit of work stays
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", refused);
        }
        catch (DbUpdateConcurrencyException)
        {
            await JournalWriteLock.RollBackOpenedAsync(db).ConfigureAwait(false); // a changed row is gone: nothing stays either
            throw;
        }

        await JournalWriteLock.CommitOpenedAsync(db, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// What the unit of work tracks, when every row is added, unchanged or changed in a way a plain statement writes as
    /// SaveChanges would (changes to rows read detected once, only if there are such rows); else null.
    /// </summary>
    private static List<EntityEntry>? Writable(HubDbContext db)
    {
        var rows = TrackedRecords.All(db);
        if (rows.Any(r => r.State != EntityState.Added))
        {
            db.ChangeTracker.DetectChanges();
        }

        return rows.All(r => !r.Metadata.HasSharedClrType && r.Metadata.GetTableName() is not null && !r.Metadata.GetForeignKeys().Any() && r.State switch
        {
            EntityState.Added or EntityState.Unchanged => true,
            EntityState.Modified => RowUpdate.Serves(r.Metadata),
            _ => false,
        }) ? rows : null;
    }
}
