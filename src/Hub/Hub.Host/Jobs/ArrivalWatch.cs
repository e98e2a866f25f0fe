using Hub.Abstractions.Adapters;
using Hub.Engine.Sync;
using Quartz;

namespace Hub.Host.Jobs;

/// <summary>
/// For each system whose adapter can say when something new has arrived (the contractor mailbox: IMAP IDLE, or a
/// watch on the pickup folder), waits for it and polls that system at once, as a webhook does. The poll interval
/// stays the safety net: while a system cannot be watched, it is polled on its interval only.
/// </summary>
internal sealed class ArrivalWatch(SystemAdapters adapters, ISchedulerFactory schedulers, TimeProvider time, ILogger<ArrivalWatch> logger) : BackgroundService
{
    /// <summary>Longest single wait; the adapter may end it sooner (an IMAP server drops an idle client after 30 minutes).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(9);

    /// <summary>How long to leave a system that cannot be watched before trying again.</summary>
    public static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(adapters.All
            .Where(adapter => adapter is IArrivalWaiter)
            .Select(adapter => WatchAsync(adapter.SystemName, (IArrivalWaiter)adapter, stoppingToken)));

    private async Task WatchAsync(string system, IArrivalWaiter waiter, CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await waiter.WaitForArrivalAsync(LongestWait, stoppingToken))
                {
                    var scheduler = await schedulers.GetScheduler(stoppingToken);
                    if (await PollNow.RequestAsync(scheduler, system, stoppingToken))
                    {
                        logger.LogDebug("{System}: something arrived; polling it now", system);
                    }
                    else
                    {
                        logger.LogDebug("{System}: something arrived; the poll waiting to start reads it", system);
                    }
                }

                if (failing)
                {
                    logger.LogInformation("{System}: watching for arrivals again", system);
                    failing = false;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    logger.LogWarning("{System}: cannot watch for arrivals ({Reason}); it is polled on its interval until it can be watched again",
                        system, failure.Message);
                    failing = true;
                }

                try
                {
                    await Task.Delay(AfterFailure, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
