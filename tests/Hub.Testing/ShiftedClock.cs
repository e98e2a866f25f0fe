namespace Hub.Testing;

/// <summary>The real clock moved by <see cref="Shift"/>: lets a simulated system live a while ago, then catch up.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
