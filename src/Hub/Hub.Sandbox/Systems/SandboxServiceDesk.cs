namespace Hub.Sandbox.Systems;

/// <summary>The first system of a chain: the tenant's service desk, where the demo complaint is logged and its answers come back.</summary>
internal abstract class SandboxServiceDesk : SandboxSystem
{
    /// <summary>An employee logs the demo complaint (a blocked toilet), in this system's own form.</summary>
    public abstract SandboxComplaint LogComplaint();

    /// <summary>Where the complaint stands, as the employee sees it here.</summary>
    public abstract ComplaintStanding Standing(SandboxComplaint complaint);
}

/// <summary>The demo complaint in the service desk: its record id, the number people quote, who reported it and what.</summary>
internal sealed record SandboxComplaint(string Id, string Number, string Reporter, string Title);

/// <summary>A complaint as the employee sees it: status in the system's words, whether it is done, the progress trail they can read.</summary>
internal sealed record ComplaintStanding(string Status, bool Completed, IReadOnlyList<string> Progress);
