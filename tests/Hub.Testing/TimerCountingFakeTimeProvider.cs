using Microsoft.Extensions.Time.Testing;

namespace Hub.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also counts its timers still waiting (created and not yet disposed): a hosted
/// service sleeping on <c>Task.Delay(…, clock)</c> holds one until it wakes. A test moves the clock only once the
/// service sleeps, or the service would start its sleep after the move and miss it.
/// </summary>
public sealed class TimerCountingFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int waiting;

    public int WaitingTimers => Volatile.Read(ref waiting);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref waiting);
        return new CountedTimer(timer, () => Interlocked.Decrement(ref waiting));
    }

    private sealed class CountedTimer(ITimer timer, Action disposed) : ITimer
    {
        private int once;

        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(dueTime, period);

        public void Dispose()
        {
            Release();
            timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Release();
            return timer.DisposeAsync();
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref once, 1) == 0)
            {
                disposed();
            }
        }
    }
}
