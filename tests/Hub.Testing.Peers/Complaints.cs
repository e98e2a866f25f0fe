using Hub.Simulators.TopDesk;

namespace Hub.Testing.Peers;

/// <summary>Complaints as employees type them into TOPdesk.</summary>
public static class Complaints
{
    public static SimulatedIncident BlockedToilet(TopDeskSimulator topDesk, int number = 1) =>
        topDesk.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = $"Toilet verstopt, verdieping {number}",
            Request = "Het toilet bij de lift is verstopt en loopt bijna over.",
            Category = "Facilitair",
            Subcategory = "Sanitair",
            CallerName = "Eva Jansen",
            CallerEmail = "eva.jansen@tenant.example",
            ProcessingStatus = "Geregistreerd",
        });
}
