using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Writing;

/// <summary>
/// The request text of an incident the hub creates: the full title when the brief description had to be cut,
/// the description, where and who, and the numbers of the case elsewhere. Every part is escaped plain text.
/// </summary>
internal static class IncidentRequestText
{
    public const int BriefDescriptionLimit = 80;

    public static string BriefDescriptionOf(CreateRecordCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return TopDeskText.Cut(TitleOf(command), BriefDescriptionLimit);
    }

    public static string Compose(CreateRecordCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = command.Fields;
        var lines = new List<string>();
        var title = TitleOf(command);
        if (title.Length > BriefDescriptionLimit)
        {
            lines.Add(title);
        }

        if (!string.IsNullOrWhiteSpace(fields.Description))
        {
            lines.Add(fields.Description.Trim());
        }

        if (fields.Location?.ToString() is { Length: > 0 } location)
        {
            lines.Add($"Locatie: {location}");
        }

        if (fields.Reporter is { } reporter && Describe(reporter) is { Length: > 0 } who)
        {
            lines.Add($"Melder: {who}");
        }

        var references = command.UpstreamRecords.Select(r => r.ExternalNumber ?? r.ExternalId).Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (references.Count > 0)
        {
            lines.Add($"Referenties: {string.Join(", ", references)}");
        }

        lines.Add($"Hub-zaak: {command.CaseId}");
        return string.Join("<br>", lines.Select(TopDeskText.ToHtml));
    }

    private static string TitleOf(CreateRecordCommand command) =>
        string.IsNullOrWhiteSpace(command.Fields.Title) ? command.CaseId : command.Fields.Title.Trim().ReplaceLineEndings(" ");

    private static string Describe(CaseReporter reporter) =>
        string.Join(", ", new[] { reporter.Name, reporter.Email, reporter.Phone }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
