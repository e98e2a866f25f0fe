using Hub.Sandbox.Systems;

namespace Hub.Sandbox.Chains;

/// <summary>The default chain, on the hub's own mappings/: the tenant's TOPdesk, the building manager's Dynamics 365, the contractor.</summary>
internal sealed class TopDeskDynamicsChain() : SandboxChain(
    "topdesk-dynamics", exampleFolder: null, "TOPdesk (service desk) → Dynamics 365 (building manager) → contractor by e-mail")
{
    public override SandboxServiceDesk StartServiceDesk() => new TopDeskServiceDesk();

    public override SandboxFacility StartFacility() => new DynamicsFacility();
}
