namespace Hub.Engine.Sync;

/// <summary>Wakes the dispatcher when commands were queued, so a change does not wait for the next tick.</summary>
public interface IDispatchSignal
{
    void CommandsQueued();
}

/// <summary>For hosts and tests that run the dispatcher by hand.</summary>
public sealed class NoDispatchSignal : IDispatchSignal
{
    public void CommandsQueued()
    {
    }
}
