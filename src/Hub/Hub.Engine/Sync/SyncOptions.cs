namespace Hub.Engine.Sync;

/// <summary>Engine settings (<c>Hub:Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Hub:Sync";

    /// <summary>Time zone for texts people read (appointments).</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Commands sent at once across different cases (one case is always in order).</summary>
    public int DispatchConcurrency { get; set; } = 4;

    /// <summary>Commands taken per dispatcher round.</summary>
    public int DispatchBatchSize { get; set; } = 100;

    /// <summary>Transient failures before a command becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeZoneInfo Zone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
