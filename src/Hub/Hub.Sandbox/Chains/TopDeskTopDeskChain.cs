using Hub.Sandbox.Systems;

namespace Hub.Sandbox.Chains;

/// <summary>TOPdesk on both sides (mappings/examples/topdesk-topdesk): the tenant's TOPdesk, the building manager's own TOPdesk, the contractor.</summary>
internal sealed class TopDeskTopDeskChain() : SandboxChain(
    "topdesk-topdesk", "topdesk-topdesk", "TOPdesk (service desk) → TOPdesk of its own (building manager) → contractor by e-mail")
{
    public override SandboxServiceDesk StartServiceDesk() => new TopDeskServiceDesk();

    public override SandboxFacility StartFacility() => new TopDeskFacility();
}
