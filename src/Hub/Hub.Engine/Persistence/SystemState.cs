namespace Hub.Engine.Persistence;

/// <summary>Per system: the stored watermark and how its polling goes, for health and `hub status`.</summary>
public sealed class SystemState
{
    public required string SystemName { get; set; }
    public string? Watermark { get; set; }
    public DateTimeOffset? LastPollAt { get; set; }
    public DateTimeOffset? LastSuccessfulPollAt { get; set; }
    public string? LastError { get; set; }
}
