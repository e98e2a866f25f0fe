using Hub.Simulators.TopDesk;

namespace Hub.Sandbox.Systems;

/// <summary>
/// The building manager's own TOPdesk, a second tenant with its own login (operator "Koppeling huurder"), operators and
/// search lists: the hub logs the complaint there as an incident, completed when the contractor reports done.
/// </summary>
internal sealed class TopDeskFacility : SandboxFacility
{
    private readonly TopDeskSimulator topDesk = new(new TopDeskSimulatorOptions
    {
        Username = "koppeling-huurder",
        HubOperatorName = "Koppeling huurder",
        StaffOperatorName = "Joost Bakker",
        SearchLists = TopDeskSearchLists.BuildingManager,
    });

    public override string Product => "TOPdesk";

    public override string Url => topDesk.Url;

    public override IReadOnlyDictionary<string, string?> SettingsFor(string systemName, string folder) => topDesk.SettingsFor(systemName);

    public override bool HasResolved() => topDesk.Incidents.Any(i => i.Completed);

    public override void Dispose() => topDesk.Dispose();
}
