using Hub.Core.Adapters;
using Hub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Sync;

/// <summary>
/// One poll of one system: read from the stored watermark, take every change in, then store the new
/// watermark and the time of the last good poll. A failed read is recorded for health and retried next time.
/// </summary>
public sealed class PollCycle(HubDatabase database, SystemAdapters adapters, ChangeIntake intake, TimeProvider time, ILogger<PollCycle> logger)
{
    /// <summary>Pages read in one poll at most, so one busy system cannot hold the poller forever.</summary>
    public const int MaxPagesPerPoll = 50;

    public async Task<PollOutcome> PollAsync(string systemName, CancellationToken cancellationToken)
    {
        var adapter = adapters.Get(systemName);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["System"] = systemName });
        var outcome = new PollOutcome();
        try
        {
            var watermark = await ReadWatermarkAsync(systemName, cancellationToken).ConfigureAwait(false);
            for (var page = 0; page < MaxPagesPerPoll; page++)
            {
                var batch = await adapter.ReadChangesAsync(watermark, cancellationToken).ConfigureAwait(false);
                foreach (var change in batch.Changes)
                {
                    outcome.Count(await intake.AcceptAsync(systemName, change, cancellationToken).ConfigureAwait(false));
                }

                watermark = batch.NextWatermark ?? watermark;
                await RecordAsync(systemName, watermark, error: null, cancellationToken).ConfigureAwait(false);
                if (!batch.HasMore)
                {
                    break;
                }
            }

            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AdapterException failure)
        {
            logger.LogWarning("Polling {System} failed: {Error}", systemName, failure.Message);
            await RecordAsync(systemName, null, NulCharacters.Visible(failure.Message), CancellationToken.None).ConfigureAwait(false);
            outcome.Error = failure.Message;
            return outcome;
        }
    }

    private async Task<string?> ReadWatermarkAsync(string systemName, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Systems.AsNoTracking().Where(s => s.SystemName == systemName).Select(s => s.Watermark)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(string systemName, string? watermark, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
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
                state.Watermark = watermark;
                state.LastSuccessfulPollAt = now;
                state.LastError = null;
            }
            else
            {
                state.LastError = error;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>What one poll did, by intake result.</summary>
public sealed class PollOutcome
{
    private readonly Dictionary<IntakeResult, int> counts = [];

    public string? Error { get; set; }

    public int this[IntakeResult result] => counts.TryGetValue(result, out var n) ? n : 0;

    public int Total => counts.Values.Sum();

    internal void Count(IntakeResult result) => counts[result] = this[result] + 1;

    public override string ToString() =>
        Error ?? string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key}: {c.Value}"));
}
