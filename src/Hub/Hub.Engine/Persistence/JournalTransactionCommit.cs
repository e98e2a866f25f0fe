using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.Engine.Persistence;

/// <summary>
/// Commits the transaction <see cref="JournalWriteLock"/> opened for a unit of work once its SaveChanges succeeded (so
/// the write lock is released), and rolls it back when SaveChanges failed or was cancelled.
/// </summary>
internal sealed class JournalTransactionCommit : SaveChangesInterceptor
{
    public static JournalTransactionCommit Instance { get; } = new();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        using var transaction = JournalWriteLock.TakeOpened(eventData.Context);
        transaction?.Commit();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var transaction = JournalWriteLock.TakeOpened(eventData.Context);
        if (transaction is not null)
        {
            await using (transaction.ConfigureAwait(false))
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        JournalWriteLock.TakeOpened(eventData.Context)?.Dispose(); // disposing an uncommitted transaction rolls it back

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (JournalWriteLock.TakeOpened(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        JournalWriteLock.TakeOpened(eventData.Context)?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (JournalWriteLock.TakeOpened(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }
}
