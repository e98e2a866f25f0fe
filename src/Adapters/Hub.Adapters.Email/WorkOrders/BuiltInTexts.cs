using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// The hub's own wording, used when the mappings hold no work-order template, and for the short follow-up and
/// cancellation mails. Dutch is the default; English is provided.
/// </summary>
internal sealed record BuiltInTexts(
    MessageTemplate WorkOrder,
    string FollowUpSubject,
    string FollowUpIntro,
    string CancellationSubject,
    string CancellationBody,
    string DateFormat)
{
    public static BuiltInTexts For(string language) =>
        string.Equals(language, Languages.English, StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    private static readonly BuiltInTexts Dutch = new(
        new MessageTemplate(Languages.Dutch, "Werkorder {{token}}: {{title}}",
            """
            Beste,

            Wilt u de volgende melding oppakken?

            Wat: {{title}}
            {{description}}

            Waar: {{location}}
            Gemeld door: {{reporter}}
            Gewenst gereed: {{targetDate}}
            Referentie: {{caseId}} {{references}}

            Beantwoord deze e-mail om ons op de hoogte te houden:
            - "akkoord" als u de opdracht aanneemt,
            - "gepland 24-11-2026 08:00-11:00" als u een afspraak heeft gemaakt,
            - "gereed" als het werk klaar is.
            Laat {{token}} in het onderwerp staan.
            """),
        "Aanvulling op werkorder {{token}}: {{title}}",
        "Aanvulling op werkorder {{token}}:",
        "Geannuleerd: werkorder {{token}}: {{title}}",
        "Werkorder {{token}} ({{title}}) is ingetrokken. U hoeft hiervoor niet meer te komen.",
        "dd-MM-yyyy HH:mm");

    private static readonly BuiltInTexts English = new(
        new MessageTemplate(Languages.English, "Work order {{token}}: {{title}}",
            """
            Hello,

            Please take on the following job.

            What: {{title}}
            {{description}}

            Where: {{location}}
            Reported by: {{reporter}}
            Wanted by: {{targetDate}}
            Reference: {{caseId}} {{references}}

            Reply to this e-mail to keep us informed:
            - "accepted" when you take the job,
            - "scheduled 2026-11-24 08:00-11:00" when you have an appointment,
            - "done" when the work is finished.
            Keep {{token}} in the subject.
            """),
        "Addition to work order {{token}}: {{title}}",
        "Addition to work order {{token}}:",
        "Cancelled: work order {{token}}: {{title}}",
        "Work order {{token}} ({{title}}) has been withdrawn. You no longer need to come for it.",
        "yyyy-MM-dd HH:mm");
}
