using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Sync;

/// <summary>
/// Stores how a poll of a system went, inside the caller's unit of work: after a good page the new watermark and the
/// time of the last good poll (in the same transaction as the page's last changes, <see cref="PageIntake"/>), after a
/// failure the error; the first failure of a streak, and the first success after one, are journaled too.
/// </summary>
internal static class PollRecord
{
    public static async Task StoreAsync(
        HubDbContext db, HubJournal journal, string systemName, string? watermark, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await db.Systems.FirstOrDefaultAsync(s => s.SystemName == systemName, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            state = new SystemState { SystemName = systemName };
            db.Systems.Add(state);
        }

        state.LastPollAt = now;
        if (error is null)
        {
            if (state.LastError is { } lastError)
            {
                await PollFailureStreak.SucceededAsync(db, journal, systemName, lastError, now, cancellationToken).ConfigureAwait(false);
            }

            state.Watermark = watermark;
            state.LastSuccessfulPollAt = now;
            state.LastError = null;
        }
        else
        {
            await PollFailureStreak.FailedAsync(db, journal, systemName, error, now, cancellationToken).ConfigureAwait(false);
            state.LastError = error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
