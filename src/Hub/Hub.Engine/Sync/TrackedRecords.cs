using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

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
    public static List<T> Of<T>(HubDbContext db) where T : class
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Unchanged or EntityState.Modified).Select(e => e.Entity)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
