using Hub.Sandbox.Systems;

namespace Hub.Sandbox.Chains;

/// <summary>ServiceNow as the tenant's service desk (mappings/examples/servicenow-servicedesk): ServiceNow, the building manager's Dynamics 365, the contractor.</summary>
internal sealed class ServiceNowServiceDeskChain() : SandboxChain(
    "servicenow-servicedesk", "servicenow-servicedesk", "ServiceNow (service desk) → Dynamics 365 (building manager) → contractor by e-mail")
{
    public override SandboxServiceDesk StartServiceDesk() => new ServiceNowServiceDesk();

    public override SandboxFacility StartFacility() => new DynamicsFacility();
}
