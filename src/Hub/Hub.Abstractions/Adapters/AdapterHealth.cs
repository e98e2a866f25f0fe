namespace Hub.Abstractions.Adapters;

/// <summary>How a system answered a health probe.</summary>
public sealed record AdapterHealth(bool IsHealthy, string Detail)
{
    public static AdapterHealth Healthy(string detail = "reachable") => new(true, detail);
    public static AdapterHealth Unhealthy(string detail) => new(false, detail);
}
