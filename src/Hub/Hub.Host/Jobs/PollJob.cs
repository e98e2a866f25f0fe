using Hub.Engine.Sync;
using Quartz;

namespace Hub.Host.Jobs;

/// <summary>Polls one system (its name is in the job data). Never two polls of one system at once.</summary>
[DisallowConcurrentExecution]
internal sealed class PollJob(PollCycle poll, ILogger<PollJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var system = context.MergedJobDataMap.GetString(JobKeys.SystemData)
            ?? throw new InvalidOperationException("poll job without a system");
        var outcome = await poll.PollAsync(system, cancellationToken);
        if (outcome.Total > 0)
        {
            logger.LogInformation("Polled {System}: {Outcome}", system, outcome);
        }
    }
}
