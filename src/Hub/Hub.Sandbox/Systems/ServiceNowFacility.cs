using Hub.Simulators.ServiceNow;

namespace Hub.Sandbox.Systems;

/// <summary>The building manager's ServiceNow: the hub opens an incident for its Facilities group (INC…), resolved (state 6) when the contractor reports done.</summary>
internal sealed class ServiceNowFacility : SandboxFacility
{
    private readonly ServiceNowSimulator serviceNow = new();

    public override string Product => "ServiceNow";

    public override string Url => serviceNow.Url;

    public override IReadOnlyDictionary<string, string?> SettingsFor(string systemName, string folder) => serviceNow.SettingsFor(systemName);

    public override bool HasResolved() => serviceNow.Incidents.Any(i => ServiceNowStates.IsDone(i.State));

    public override void Dispose() => serviceNow.Dispose();
}
