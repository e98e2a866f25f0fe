using Hub.Sandbox.Systems;

namespace Hub.Sandbox.Chains;

/// <summary>
/// One chain the sandbox can run (<c>--chain &lt;name&gt;</c>): which simulated system plays the tenant's service desk and
/// which the building manager (the contractor is always reached by e-mail pickup folders), and the mapping folder
/// shipped beside the hub that describes that chain: <c>mappings/</c> itself or one of <c>mappings/examples/</c>.
/// </summary>
internal abstract class SandboxChain(string name, string? exampleFolder, string description)
{
    public string Name { get; } = name;

    /// <summary>The chain in a line: "TOPdesk (service desk) → Dynamics 365 (building manager) → contractor by e-mail".</summary>
    public string Description { get; } = description;

    /// <summary>The shipped mapping folder the hub runs on (not a copy): the hub's own mappings, or mappings/examples/&lt;folder&gt;.</summary>
    public string MappingsDirectory(HubExecutable hub) =>
        exampleFolder is null ? hub.MappingsDirectory : Path.Combine(hub.MappingsDirectory, "examples", exampleFolder);

    public abstract SandboxServiceDesk StartServiceDesk();

    public abstract SandboxFacility StartFacility();
}
