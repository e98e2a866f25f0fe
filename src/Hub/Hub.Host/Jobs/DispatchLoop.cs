using Hub.Engine.Sync;

namespace Hub.Host.Jobs;

/// <summary>
/// Sends due outbox commands on every node (not a clustered Quartz job: sending is shared by leases, not given to one
/// node): on a tick, and at once when intake queued commands; keeps going while there is more that is due. A failure
/// (the database gone for a moment) is logged and the next tick tries again.
/// </summary>
internal sealed class DispatchLoop(OutboxDispatcher dispatcher, DispatchWakeUp wakeUp, TimeProvider time, ILogger<DispatchLoop> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    private const int RoundsPerWakeUp = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                for (var round = 0; round < RoundsPerWakeUp && await dispatcher.DispatchDueAsync(stoppingToken) > 0; round++)
                {
                }

                if (failing)
                {
                    logger.LogInformation("Sending works again");
                    failing = false;
                }

                await wakeUp.WaitAsync(Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    logger.LogWarning(failure, "Sending failed ({Reason}); trying again every {Tick}", failure.Message, Tick);
                    failing = true;
                }

                try
                {
                    await Task.Delay(Tick, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
