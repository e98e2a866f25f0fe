using Hub.Engine.Journey;
using Quartz;

namespace Hub.Host.Jobs;

/// <summary>Looks for steps that take longer than their route expects (Hub:Sync:OverdueCheckInterval); each is told once, whichever node looks.</summary>
[DisallowConcurrentExecution]
internal sealed class OverdueJob(OverdueSteps overdue) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await overdue.CheckAsync(cancellationToken);
}
