using Hub.Engine.Telemetry;
using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Sync;

/// <summary>
/// One poll of one system: read a page from the stored watermark, take every change in and store the new watermark
/// and the time of the last good poll, in one transaction per slice of the page with the watermark in the last one
/// (<see cref="PageIntake"/>); while the adapter has more, the next page at once, up to
/// <see cref="MaxPagesPerPoll"/> (the only paging loop: an adapter returns one page per read); a poll that stops there
/// with more to read says so (<see cref="PollOutcome.MoreToRead"/>), so that the next poll follows at once rather than
/// a whole poll interval later. A record that cannot be
/// read or taken in is set aside with its reason in the journal and the poll goes on; a failed read, or a failure of
/// the hub's own database, ends the poll, keeps the watermark, is recorded for health and journaled once per failure
/// streak, and is retried next time.
/// </summary>
public sealed class PollCycle(
    HubDatabase database, SystemAdapters adapters, ChangeIntake intake, HubJournal journal, HubWriteGate gate, TimeProvider time, ILogger<PollCycle> logger)
{
    /// <summary>
    /// Pages read in one poll at most, so one busy system cannot hold the poller forever; the next poll goes on from
    /// there, at once when the poll says <see cref="PollOutcome.MoreToRead"/>.
    /// </summary>
    public const int MaxPagesPerPoll = 50;

    private readonly PageIntake pages = new(database, intake, journal, gate, time, logger);

    public async Task<PollOutcome> PollAsync(string systemName, CancellationToken cancellationToken)
    {
        var adapter = adapters.Get(systemName);
        using var span = EngineSpans.Poll(systemName);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["System"] = systemName });
        var outcome = new PollOutcome();
        try
        {
            var watermark = await ReadWatermarkAsync(systemName, cancellationToken).ConfigureAwait(false);
            var startedAt = watermark;
            for (var page = 0; page < MaxPagesPerPoll; page++)
            {
                var batch = await ReadAsync(adapter, watermark, cancellationToken).ConfigureAwait(false);
                watermark = batch.NextWatermark ?? watermark;
                await pages.TakeInAsync(systemName, batch, watermark, outcome, cancellationToken).ConfigureAwait(false);
                outcome.MoreToRead = batch.HasMore;
                if (!batch.HasMore)
                {
                    break;
                }
            }

            if (outcome.MoreToRead && string.Equals(watermark, startedAt, StringComparison.Ordinal))
            {
                // Pages that never move the watermark would be read again at once, and again: the next poll waits for its interval.
                logger.LogWarning("{System} says it has more to read, but {Pages} pages did not move its watermark; the next poll waits for the poll interval", systemName, MaxPagesPerPoll);
                outcome.MoreToRead = false;
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
            EngineSpans.Failed(span, failure.Message);
            return await FailedAsync(systemName, failure.Message, outcome).ConfigureAwait(false);
        }
        catch (Exception failure) when (DatabaseOutage.Is(failure))
        {
            logger.LogError(failure, "Polling {System} stopped: the hub's database failed; the watermark stays", systemName);
            EngineSpans.Failed(span, "the hub's database failed");
            return await FailedAsync(systemName, $"the hub's database failed while polling {systemName}: {DatabaseOutage.Describe(failure)}", outcome).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a page. Whatever the adapter throws beyond its contract (a bug, a parser giving up) is a failed read like
    /// any other: recorded and journaled, not an exception that stops the system unseen.
    /// </summary>
    private async Task<ChangeBatch> ReadAsync(ISystemAdapter adapter, string? watermark, CancellationToken cancellationToken)
    {
        try
        {
            return await adapter.ReadChangesAsync(watermark, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not AdapterException && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogError(failure, "The {System} adapter failed in a way its contract does not describe", adapter.SystemName);
            throw AdapterException.Transient(adapter.SystemName,
                $"the {adapter.SystemName} adapter failed unexpectedly while reading changes ({failure.GetType().Name}): {failure.Message}", inner: failure);
        }
    }

    private async Task<PollOutcome> FailedAsync(string systemName, string error, PollOutcome outcome)
    {
        outcome.Error = error;
        outcome.MoreToRead = false; // a failed read waits for the poll interval, as every failure does
        try
        {
            await RecordFailureAsync(systemName, NulCharacters.Visible(error)).ConfigureAwait(false);
        }
        catch (Exception unrecorded) when (DatabaseOutage.Is(unrecorded))
        {
            logger.LogError(unrecorded, "The failed poll of {System} could not be recorded: the hub's database failed too", systemName);
        }

        return outcome;
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

    /// <summary>Stores the failed poll (the watermark stays); the first failure of a streak is journaled too.</summary>
    private async Task RecordFailureAsync(string systemName, string error)
    {
        using (await gate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                await PollRecord.StoreAsync(db, journal, systemName, watermark: null, error, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>What one poll did, by intake result.</summary>
public sealed class PollOutcome
{
    private readonly Dictionary<IntakeResult, int> counts = [];

    public string? Error { get; set; }

    /// <summary>
    /// The poll stopped at <see cref="PollCycle.MaxPagesPerPoll"/> while the system still had more to read (its stored
    /// watermark says where the rest starts): the next poll should follow at once, not a poll interval later.
    /// </summary>
    public bool MoreToRead { get; internal set; }

    public int this[IntakeResult result] => counts.TryGetValue(result, out var n) ? n : 0;

    public int Total => counts.Values.Sum();

    /// <summary>Anything beyond records the hub had read before with nothing new in them (an overlapping window reads them again).</summary>
    public bool TookSomethingIn => counts.Any(c => c.Value > 0 && c.Key is not (IntakeResult.Duplicate or IntakeResult.Unchanged));

    internal void Count(IntakeResult result) => counts[result] = this[result] + 1;

    public override string ToString() =>
        Error ?? string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key}: {c.Value}")) + (MoreToRead ? "; more to read" : string.Empty);
}
