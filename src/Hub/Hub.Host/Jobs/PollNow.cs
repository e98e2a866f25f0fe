using Quartz;

namespace Hub.Host.Jobs;

/// <summary>
/// Asks for a poll of a system at once (a webhook, an arrival in a watched mailbox, a poll that stopped at its page
/// limit), unless one asked for earlier is still waiting to start: a poll that has not started reads everything that
/// arrived before it starts, so a second one would read the same again. Without this every arrival queued a poll of its
/// own behind the running one (a poll job never runs twice at once): sixty answered work orders, or a burst of webhooks,
/// left dozens of full polls waiting, and on a cluster as many rows in Quartz's tables that every node goes through.
/// A poll already running does not count: it may have read past the arrival, so one more is queued behind it. The poll
/// is queued by Quartz's own <c>TriggerJob</c>, so it starts by the scheduler's clock.
/// </summary>
internal static class PollNow
{
    /// <summary>Queues a poll of the system unless one is waiting already; true when this call queued one.</summary>
    public static async Task<bool> RequestAsync(IScheduler scheduler, string system, CancellationToken cancellationToken)
    {
        var job = JobKeys.Poll(system);
        var interval = JobKeys.PollTrigger(system);
        foreach (var trigger in await scheduler.GetTriggersOfJob(job, cancellationToken))
        {
            if (!trigger.Key.Equals(interval)
                && await scheduler.GetTriggerState(trigger.Key, cancellationToken) is TriggerState.Normal or TriggerState.Blocked)
            {
                return false; // a request waiting to start (a fired one is Complete until its poll ends)
            }
        }

        await scheduler.TriggerJob(job, cancellationToken);
        return true;
    }
}
