using Microsoft.Extensions.Time.Testing;

namespace Hub.Testing;

/// <summary>How the tests read the one clock they move by hand, <see cref="FakeTimeProvider"/>.</summary>
public static class FakeClockReading
{
    extension(FakeTimeProvider clock)
    {
        /// <summary>The moment the clock shows now (UTC): what the hub under test takes as "now".</summary>
        public DateTimeOffset Now => clock.GetUtcNow();
    }
}
