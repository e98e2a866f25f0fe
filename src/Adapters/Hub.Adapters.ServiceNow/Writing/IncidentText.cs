using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>
/// The texts the hub writes into an incident, cut on whole characters to the columns' lengths (the instance does not
/// enforce them reliably): short_description 160, description 4000, a journal entry 4000. A NUL is written as U+FFFD.
/// </summary>
internal static class IncidentText
{
    public const int ShortDescriptionLimit = 160;
    public const int DescriptionLimit = 4000;

    public static string ShortDescriptionOf(string? title, string caseId) =>
        TextCut.Shorten(Clean(string.IsNullOrWhiteSpace(title) ? caseId : title.Trim().ReplaceLineEndings(" ")), ShortDescriptionLimit);

    public static string DescriptionOf(CreateRecordCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = command.Fields;
        var lines = new List<string>();
        if (fields.Title is { } title && title.Trim().Length > ShortDescriptionLimit)
        {
            lines.Add(title.Trim());
        }

        if (!string.IsNullOrWhiteSpace(fields.Description))
        {
            lines.Add(fields.Description.Trim());
        }

        if (fields.Location?.ToString() is { Length: > 0 } location)
        {
            lines.Add($"Location: {location}");
        }

        if (fields.Reporter is { } reporter && string.Join(", ", new[] { reporter.Name, reporter.Email, reporter.Phone }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } who)
        {
            lines.Add($"Reported by: {who}");
        }

        var references = command.UpstreamRecords.Select(r => r.ExternalNumber ?? r.ExternalId).Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (references.Count > 0)
        {
            lines.Add($"References: {string.Join(", ", references)}");
        }

        lines.Add($"Hub case: {command.CaseId}");
        return TextCut.Shorten(Clean(string.Join("\n", lines)), DescriptionLimit);
    }

    public static string EntryOf(string text) => TextCut.Shorten(Clean(text.Trim()), JournalColumns.EntryLimit);

    private static string Clean(string text) => text.Replace('\0', '\uFFFD');
}
