using Hub.Sandbox.Systems;

namespace Hub.Sandbox.Chains;

/// <summary>ServiceNow as the building manager (mappings/examples/servicenow-facility): the tenant's TOPdesk, the building manager's ServiceNow, the contractor.</summary>
internal sealed class ServiceNowFacilityChain() : SandboxChain(
    "servicenow-facility", "servicenow-facility", "TOPdesk (service desk) → ServiceNow (building manager) → contractor by e-mail")
{
    public override SandboxServiceDesk StartServiceDesk() => new TopDeskServiceDesk();

    public override SandboxFacility StartFacility() => new ServiceNowFacility();
}
