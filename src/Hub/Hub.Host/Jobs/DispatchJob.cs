using Hub.Engine.Sync;
using Quartz;

namespace Hub.Host.Jobs;

/// <summary>Sends due outbox commands; keeps going while there is more that is due.</summary>
[DisallowConcurrentExecution]
internal sealed class DispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 20; round++)
        {
            if (await dispatcher.DispatchDueAsync(cancellationToken) == 0)
            {
                break;
            }
        }
    }
}
