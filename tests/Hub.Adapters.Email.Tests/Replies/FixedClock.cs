namespace Hub.Adapters.Email.Tests.Replies;

/// <summary>A clock that stands still at one moment, so "the next 24-11" and "tomorrow" have one answer.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
