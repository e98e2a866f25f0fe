namespace Hub.Abstractions.Adapters;

/// <summary>Where a system's settings live: <c>Hub:Systems:&lt;name&gt;</c>, and the full key of one of them.</summary>
public static class SystemKeys
{
    public const string Section = "Hub:Systems";

    /// <summary>The setting that names a system's adapter type ("TopDesk", "Dynamics", "Email").</summary>
    public const string AdapterSetting = "Adapter";

    /// <summary>"Hub:Systems:servicedesk:BaseUrl", for messages that tell an admin which setting to fix.</summary>
    public static string Of(string systemName, string setting) => $"{Section}:{systemName}:{setting}";
}
