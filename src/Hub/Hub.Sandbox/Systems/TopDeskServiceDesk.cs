using Hub.Simulators.TopDesk;

namespace Hub.Sandbox.Systems;

/// <summary>The tenant's TOPdesk: Eva Jansen logs the blocked toilet as an incident; the answers come back as progress entries.</summary>
internal sealed class TopDeskServiceDesk : SandboxServiceDesk
{
    private readonly TopDeskSimulator topDesk = new();

    public override string Product => "TOPdesk";

    public override string Url => topDesk.Url;

    public override IReadOnlyDictionary<string, string?> SettingsFor(string systemName, string folder) => topDesk.SettingsFor(systemName);

    public override SandboxComplaint LogComplaint()
    {
        var incident = topDesk.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = "Toilet verstopt op de 2e verdieping, heren",
            Request = "Het toilet bij de lift op de 2e verdieping is verstopt en loopt bijna over.",
            Category = "Facilitair",
            Subcategory = "Sanitair",
            CallerName = "Eva Jansen",
            CallerEmail = "eva.jansen@tenant.example",
            ProcessingStatus = "Geregistreerd",
        });
        return new SandboxComplaint(incident.Id, incident.Number, "Eva Jansen", incident.BriefDescription);
    }

    public override ComplaintStanding Standing(SandboxComplaint complaint)
    {
        var incident = topDesk.Incident(complaint.Id);
        return new ComplaintStanding(
            incident.ProcessingStatus?.Name ?? "?",
            incident.Completed,
            [.. topDesk.ActionsOf(complaint.Id).Select(a => a.PlainText)]);
    }

    public override void Dispose() => topDesk.Dispose();
}
