namespace Hub.Simulators.Dynamics;

/// <summary>
/// Change tracking on the simulated incident table: whether it is on, how long delta tokens live
/// (the org's <c>ExpireChangeTrackingInDays</c>), and tokens older than a version that were expired on purpose.
/// </summary>
internal sealed class ChangeTrackingSettings
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
    public long ExpiredBelowVersion { get; set; }
}
