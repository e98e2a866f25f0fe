using Hub.Engine.Sync;
using Quartz;

namespace Hub.Host.Jobs;

/// <summary>
/// Polls one system (its name is in the job data). Never two polls of one system at once. A poll that stopped at its
/// page limit with more to read (<see cref="PollOutcome.MoreToRead"/>) asks for the next poll at once, as a webhook
/// does: a backlog longer than one poll is read to its end without waiting a poll interval (an hour, where webhooks
/// do the work) between its parts, and the job still ends after each poll, so other jobs are not held up.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollJob(PollCycle poll, ILogger<PollJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var system = context.MergedJobDataMap.GetString(JobKeys.SystemData)
            ?? throw new InvalidOperationException("poll job without a system");
        var outcome = await poll.PollAsync(system, cancellationToken);
        if (outcome.TookSomethingIn || outcome.MoreToRead)
        {
            logger.LogInformation("Polled {System}: {Outcome}", system, outcome);
        }
        else if (outcome.Total > 0)
        {
            logger.LogDebug("Polled {System}: {Outcome}", system, outcome); // only records read before, every poll interval
        }

        if (outcome.MoreToRead)
        {
            await PollNow.RequestAsync(context.Scheduler, system, cancellationToken); // runs once this poll has ended
        }
    }
}
