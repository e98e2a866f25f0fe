using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>Per system, what an admin needs to see a stall: last good poll, last error, queue depth, oldest pending, dead letters.</summary>
public sealed record SystemStatus(
    string System,
    DateTimeOffset? LastPollAt,
    DateTimeOffset? LastSuccessfulPollAt,
    string? LastError,
    int Pending,
    DateTimeOffset? OldestPendingSince,
    int DeadLetters,
    int Parked);

public static class HubStatus
{
    public static async Task<IReadOnlyList<SystemStatus>> ReadAsync(HubDatabase database, IEnumerable<string> systems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(systems);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var states = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.SystemName, StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
            var outbox = await db.Outbox.AsNoTracking()
                .Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.DeadLettered)
                .GroupBy(o => new { o.TargetSystem, o.Status })
                .Select(g => new { g.Key.TargetSystem, g.Key.Status, Count = g.Count(), Oldest = g.Min(o => o.CreatedAt) })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var parked = await db.Parked.AsNoTracking().Where(p => p.ReleasedAt == null).GroupBy(p => p.SystemName)
                .Select(g => new { System = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            return systems.Select(name =>
            {
                states.TryGetValue(name, out var state);
                var pending = outbox.FirstOrDefault(o => o.TargetSystem.Equals(name, StringComparison.OrdinalIgnoreCase) && o.Status == OutboxStatus.Pending);
                var dead = outbox.FirstOrDefault(o => o.TargetSystem.Equals(name, StringComparison.OrdinalIgnoreCase) && o.Status == OutboxStatus.DeadLettered);
                return new SystemStatus(
                    name, state?.LastPollAt, state?.LastSuccessfulPollAt, state?.LastError,
                    pending?.Count ?? 0, pending?.Oldest, dead?.Count ?? 0,
                    parked.FirstOrDefault(p => p.System.Equals(name, StringComparison.OrdinalIgnoreCase))?.Count ?? 0);
            }).ToList();
        }
    }
}
