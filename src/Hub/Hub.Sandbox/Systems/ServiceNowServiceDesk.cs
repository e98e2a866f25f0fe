using Hub.Simulators.ServiceNow;

namespace Hub.Sandbox.Systems;

/// <summary>
/// A large tenant's ServiceNow: Abel Tuter's blocked toilet is an incident in the facilities category; the answers come
/// back as additional comments (what the caller reads) and the resolve as state 6. The hub signs in with OAuth client
/// credentials and gives new incidents to the Service Desk group.
/// </summary>
internal sealed class ServiceNowServiceDesk : SandboxServiceDesk
{
    private readonly ServiceNowSimulator serviceNow = new();

    public override string Product => "ServiceNow";

    public override string Url => serviceNow.Url;

    public override IReadOnlyDictionary<string, string?> SettingsFor(string systemName, string folder) =>
        new Dictionary<string, string?>(serviceNow.SettingsFor(systemName, oauth: true))
        {
            [$"Hub:Systems:{systemName}:AssignmentGroup"] = "Service Desk",
        };

    public override SandboxComplaint LogComplaint()
    {
        var incident = serviceNow.OpenIncident(new Dictionary<string, string>
        {
            ["short_description"] = "Blocked toilet, 2nd floor",
            ["description"] = "The toilet by the lift on the 2nd floor is blocked and nearly overflowing.",
            ["category"] = "facilities",
            ["subcategory"] = "plumbing",
            ["caller_id"] = serviceNow.UserId("abel.tuter"),
            ["impact"] = "2",
            ["urgency"] = "2",
        });
        return new SandboxComplaint(incident.SysId, incident.Number, "Abel Tuter", incident.ShortDescription);
    }

    public override ComplaintStanding Standing(SandboxComplaint complaint)
    {
        var incident = serviceNow.Incident(complaint.Id);
        return new ComplaintStanding(
            ServiceNowStates.Label(incident.State),
            ServiceNowStates.IsDone(incident.State),
            [.. serviceNow.JournalOf(complaint.Id).Where(j => j.Element == "comments").Select(j => j.Value)]);
    }

    public override void Dispose() => serviceNow.Dispose();
}
