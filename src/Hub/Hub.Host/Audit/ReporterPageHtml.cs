using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Hub.Abstractions.Model;
using Hub.Engine.Journey;

namespace Hub.Host.Audit;

/// <summary>
/// The reporter's page as HTML: the heading with the origin ticket's number, the milestones with their times in the
/// hub's zone (an appointment as the same sentence the ticket got), and until when the link works. Nothing else of
/// the journey goes in: no title, no parties, no people, no notes, no journal. Every value is HTML-encoded.
/// </summary>
internal static class ReporterPageHtml
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    public static string Journey(JourneyView journey, ReporterWords words, TimeZoneInfo zone, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(words);
        var culture = CultureInfo.GetCultureInfo(words.Language == Languages.English ? "en-GB" : "nl-NL");
        var heading = string.Format(culture, words.Heading, journey.OriginNumber ?? journey.CaseId);
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encode.Encode(heading)).Append("</h1>\n<p>").Append(Encode.Encode(words.Intro)).Append("</p>\n");
        if (journey.Milestones.Count == 0)
        {
            body.Append("<p id=\"nothing-yet\">").Append(Encode.Encode(words.NothingYet)).Append("</p>\n");
        }
        else
        {
            body.Append("<ol id=\"milestones\">\n");
            foreach (var step in journey.Milestones)
            {
                body.Append("<li data-milestone=\"").Append(step.Milestone).Append("\"><time datetime=\"")
                    .Append(step.At.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
                    .Append(Encode.Encode(When(step.At, zone, culture))).Append("</time> <span>")
                    .Append(Encode.Encode(Sentence(step, words, zone))).Append("</span></li>\n");
            }

            body.Append("</ol>\n");
        }

        if (journey.IsFinished)
        {
            body.Append("<p id=\"finished\">").Append(Encode.Encode(words.Finished)).Append("</p>\n");
        }

        body.Append("<p id=\"valid-until\">").Append(Encode.Encode(string.Format(culture, words.ValidUntil, When(expiresAt, zone, culture)))).Append("</p>\n");
        return Document(words.Language, heading, "journey", body.ToString());
    }

    /// <summary>The page for a link that does not work (404) or has expired (410): what to do, and nothing about the case.</summary>
    public static string Gone(ReporterWords words, bool expired)
    {
        ArgumentNullException.ThrowIfNull(words);
        var title = expired ? words.ExpiredTitle : words.GoneTitle;
        var text = expired ? words.ExpiredText : words.GoneText;
        return Document(words.Language, title, expired ? "expired" : "gone",
            $"<h1>{Encode.Encode(title)}</h1>\n<p>{Encode.Encode(text)}</p>\n");
    }

    private static string Sentence(JourneyStep step, ReporterWords words, TimeZoneInfo zone) =>
        step is { Milestone: Milestone.Appointment, AppointmentStart: { } start, AppointmentEnd: { } end }
            ? AppointmentText.For(new AppointmentWindow(start, end), words.Language, zone)
            : words.Milestones[step.Milestone];

    private static string When(DateTimeOffset at, TimeZoneInfo zone, CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy HH:mm", culture);

    private static string Document(string language, string title, string state, string body) => $"""
        <!DOCTYPE html>
        <html lang="{language}">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="referrer" content="no-referrer">
          <meta name="robots" content="noindex, nofollow">
          <title>{Encode.Encode(title)}</title>
          <link rel="stylesheet" href="/journey/assets/reporter.css">
        </head>
        <body data-state="{state}">
        <main>
        {body}</main>
        </body>
        </html>
        """;
}
