using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hub.Engine.Sync;

/// <summary>
/// The records of one kind that a unit of work holds and has not deleted (what <c>DbSet.Local</c> shows), found without
/// detecting changes: <c>Local</c> runs DetectChanges over everything the context tracks on every use, which the hot
/// paths (every change, every journal append) paid again and again. The hub's records have no navigations, so a record
/// reaches the tracker only by being added or read, never by detection, and what is asked of them (a case id, a system)
/// is read from the records themselves.
/// </summary>
internal static class TrackedRecords
{
    public static List<T> Of<T>(HubDbContext db) where T : class =>
        WithoutDetecting(db, tracker => tracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Unchanged or EntityState.Modified).Select(e => e.Entity).ToList());

    /// <summary>
    /// A record by its key as Find gives it: the unit of work's own (found without detecting changes), else read by
    /// <paramref name="stored"/>, a compiled tracked query (Find built its query's expression tree on every call).
    /// </summary>
    public static async Task<T?> FindAsync<T>(HubDbContext db, Func<T, bool> isIt, Func<Task<T?>> stored) where T : class
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Of<T>(db).FirstOrDefault(isIt) ?? await stored().ConfigureAwait(false);
    }

    /// <summary>
    /// A record's state in the unit of work, without detecting changes (<c>Entry</c> detects them on the record first):
    /// detection never makes an added record anything but added.
    /// </summary>
    public static EntityState StateOf(HubDbContext db, object record) => WithoutDetecting(db, _ => db.Entry(record).State);

    /// <summary>Everything the unit of work tracks, in any state, as it stands (changes to read rows not detected).</summary>
    public static List<EntityEntry> All(HubDbContext db) => WithoutDetecting(db, tracker => tracker.Entries().ToList());

    private static TResult WithoutDetecting<TResult>(HubDbContext db, Func<ChangeTracker, TResult> read)
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
