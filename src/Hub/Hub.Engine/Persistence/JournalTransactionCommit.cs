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
        await JournalWriteLock.CommitOpenedAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        JournalWriteLock.TakeOpened(eventData.Context)?.Dispose(); // disposing an uncommitted transaction rolls it back

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        JournalWriteLock.RollBackOpenedAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        JournalWriteLock.TakeOpened(eventData.Context)?.Dispose();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        JournalWriteLock.RollBackOpenedAsync(eventData.Context);
}
