using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Engine.Persistence;

/// <summary>
/// The journal's one-writer rule, kept by the database rather than by a process: before the last hash is read, the unit
/// of work's transaction holds the journal's write lock until it commits, so a second process (a CLI command, another
/// node) waits instead of chaining onto the same entry. SQLite: the transaction is BEGIN IMMEDIATE (what
/// Microsoft.Data.Sqlite starts by default), which takes the database's write lock at once; PostgreSQL:
/// <c>pg_advisory_xact_lock</c> on the journal's key. A unit of work without a transaction of its own gets one here,
/// committed when its SaveChanges succeeds (<see cref="JournalTransactionCommit"/>).
/// </summary>
internal static class JournalWriteLock
{
    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> Opened = new();

    public static async Task HoldAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            EnsureCommittedOnSave(db);
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            Opened.AddOrUpdate(db, transaction);
        }

        if (db is PostgresHubDbContext)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HubAdvisoryLocks.Journal})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The transaction this lock opened for the context, handed over once to be committed or rolled back; only while it
    /// is still the context's own: a pooled context that went back to the pool without saving dropped that transaction
    /// (rolled back) on its reset, and its next unit of work must not be handed the dead one.
    /// </summary>
    internal static IDbContextTransaction? TakeOpened(DbContext? db)
    {
        if (db is not null && Opened.TryGetValue(db, out var transaction))
        {
            Opened.Remove(db);
            return ReferenceEquals(transaction, db.Database.CurrentTransaction) ? transaction : null;
        }

        return null;
    }

    /// <summary>Commits the transaction this lock opened for the context, if it did (and it is still the context's own).</summary>
    internal static async Task CommitOpenedAsync(DbContext? db, CancellationToken cancellationToken)
    {
        if (TakeOpened(db) is { } transaction)
        {
            await using (transaction.ConfigureAwait(false))
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Rolls back the transaction this lock opened for the context, if it did: disposing it uncommitted rolls it back.</summary>
    internal static async Task RollBackOpenedAsync(DbContext? db)
    {
        if (TakeOpened(db) is { } transaction)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A context not made by <see cref="HubDatabase"/> would never commit the transaction opened here: refuse it loudly.</summary>
    private static void EnsureCommittedOnSave(DbContext db)
    {
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.OfType<JournalTransactionCommit>().Any() != true)
        {
            throw new InvalidOperationException("This context was not opened through HubDatabase: its journal appends would never be committed.");
        }
    }
}
