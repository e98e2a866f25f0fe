namespace Hub.Host.Audit;

/// <summary>Bound from <c>Hub:Audit</c>: how often the journal's hash chain is verified in the background.</summary>
internal sealed class AuditOptions
{
    public const string Section = "Hub:Audit";

    public TimeSpan VerifyInterval { get; set; } = TimeSpan.FromHours(1);
}
