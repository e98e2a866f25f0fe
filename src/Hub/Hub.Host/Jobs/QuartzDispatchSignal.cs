using Hub.Engine.Sync;
using Quartz;

namespace Hub.Host.Jobs;

/// <summary>Fires the dispatcher job at once when intake queued commands, so a change does not wait for the next tick.</summary>
internal sealed class QuartzDispatchSignal(ISchedulerFactory schedulers, ILogger<QuartzDispatchSignal> logger) : IDispatchSignal
{
    public void CommandsQueued() => _ = TriggerAsync();

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            await scheduler.TriggerJob(JobKeys.Dispatch);
        }
#pragma warning disable CA1031 // A missed wake-up only delays the send to the next tick; it must not fail the intake.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            logger.LogDebug(failure, "Could not wake the dispatcher; it runs on its own tick");
        }
    }
}
