using Hub.Engine.Sync;

namespace Hub.Host.Jobs;

/// <summary>Wakes this node's <see cref="DispatchLoop"/> when intake queued commands, so a change does not wait for the next tick.</summary>
internal sealed class DispatchWakeUp : IDispatchSignal, IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void CommandsQueued()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already woken: one wake-up covers every command queued before the loop looks
        }
    }

    /// <summary>Waits for a wake-up or the tick, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan tick, CancellationToken cancellationToken) =>
        signal.WaitAsync(tick, cancellationToken);

    public void Dispose() => signal.Dispose();
}
