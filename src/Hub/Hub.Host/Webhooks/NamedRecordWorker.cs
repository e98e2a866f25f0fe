using Hub.Engine.Sync;

namespace Hub.Host.Webhooks;

/// <summary>
/// Reads and takes in the records webhooks named (<see cref="LiveIntake"/>), <see cref="Readers"/> at a time so one slow
/// system does not hold the others' records, beside the polls. Stops with the host: a record still waiting then is
/// taken in by the next poll.
/// </summary>
internal sealed class NamedRecordWorker(NamedRecordQueue queue, LiveIntake intake, ILogger<NamedRecordWorker> logger) : BackgroundService
{
    /// <summary>Records read side by side; their intake takes the hub's write gate one at a time like every other.</summary>
    public const int Readers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => ReadAsync(stoppingToken)));

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var named in queue.ReadAllAsync(stoppingToken))
            {
                await intake.TakeInAsync(named.System, named.Record, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Stopped taking in records named by webhooks; the polls take in any still waiting");
        }
    }
}
