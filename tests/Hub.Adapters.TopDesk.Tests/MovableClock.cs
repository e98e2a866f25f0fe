namespace Hub.Adapters.TopDesk.Tests;

/// <summary>A clock a test moves on by hand (timers stay real: only "now" jumps), shared by the tenant, the adapter and the outbox.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
