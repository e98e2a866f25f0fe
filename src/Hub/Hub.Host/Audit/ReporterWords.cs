using Hub.Abstractions.Model;
using Hub.Engine.Journey;

namespace Hub.Host.Audit;

/// <summary>
/// The reporter's page in the reporter's language (the origin system's, Dutch unless the mappings say English): the
/// milestones as a reporter reads them, without names of people or organisations.
/// </summary>
internal sealed record ReporterWords(
    string Language,
    string Heading,
    string Intro,
    string NothingYet,
    string Finished,
    string GoneTitle,
    string GoneText,
    string ExpiredTitle,
    string ExpiredText,
    string ValidUntil,
    IReadOnlyDictionary<Milestone, string> Milestones)
{
    public static ReporterWords For(string? language) =>
        string.Equals(language, Languages.English, StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    public static ReporterWords Dutch { get; } = new(
        "nl",
        "Uw melding {0}",
        "Hier ziet u hoe het met uw melding staat.",
        "Uw melding is ontvangen; er is nog geen nieuws.",
        "Uw melding is afgehandeld.",
        "Deze link werkt niet",
        "Controleer of u de hele link hebt gekopieerd, of vraag de servicedesk om een nieuwe.",
        "Deze link is verlopen",
        "Vraag de servicedesk om een nieuwe link.",
        "Deze link werkt tot {0}.",
        new Dictionary<Milestone, string>
        {
            [Milestone.Forwarded] = "Doorgestuurd naar de gebouwbeheerder",
            [Milestone.WorkOrderSent] = "Werkopdracht verstuurd naar een vakman",
            [Milestone.Accepted] = "De vakman heeft de opdracht aangenomen",
            [Milestone.Appointment] = "Er is een afspraak gemaakt",
            [Milestone.Delayed] = "Het werk loopt vertraging op, bijvoorbeeld door het wachten op onderdelen",
            [Milestone.Done] = "Het werk is klaar",
            [Milestone.Refused] = "De vakman kan de opdracht niet aannemen; er wordt een ander gezocht",
            [Milestone.Cancelled] = "De melding is geannuleerd",
            [Milestone.StillWaiting] = "We wachten nog op een reactie; we houden u op de hoogte",
        });

    public static ReporterWords English { get; } = new(
        "en",
        "Your report {0}",
        "This is where your report stands.",
        "Your report has been received; there is no news yet.",
        "Your report has been dealt with.",
        "This link does not work",
        "Check that you copied the whole link, or ask the service desk for a new one.",
        "This link has expired",
        "Ask the service desk for a new link.",
        "This link works until {0}.",
        new Dictionary<Milestone, string>
        {
            [Milestone.Forwarded] = "Forwarded to the building manager",
            [Milestone.WorkOrderSent] = "Work order sent to a contractor",
            [Milestone.Accepted] = "The contractor accepted the work order",
            [Milestone.Appointment] = "An appointment was made",
            [Milestone.Delayed] = "The work is delayed, for example waiting for parts",
            [Milestone.Done] = "The work is done",
            [Milestone.Refused] = "The contractor cannot take the order; another one is being found",
            [Milestone.Cancelled] = "The report was cancelled",
            [Milestone.StillWaiting] = "We are still waiting for an answer; we will keep you informed",
        });
}
