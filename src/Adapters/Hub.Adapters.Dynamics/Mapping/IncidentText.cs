using System.Globalization;
using System.Text;
using Hub.Core.Adapters;
using Hub.Core.Model;

namespace Hub.Adapters.Dynamics.Mapping;

/// <summary>
/// Fits the hub's text into the incident's columns: title at most 200 characters (a longer one is cut, and kept whole at
/// the top of the description), description at most 2,000 with the location, reporter and the case's numbers elsewhere.
/// </summary>
internal static class IncidentText
{
    public const int TitleLimit = 200;
    public const int DescriptionLimit = 2000;

    public static string? Title(string? title) =>
        title is null ? null : title.Length <= TitleLimit ? title : title[..(TitleLimit - 1)] + "…";

    public static string? Description(CaseFields fields, IReadOnlyList<CaseLink> upstream)
    {
        var text = new StringBuilder();
        if (fields.Title is { Length: > TitleLimit } longTitle)
        {
            text.AppendLine(longTitle).AppendLine();
        }

        if (!string.IsNullOrWhiteSpace(fields.Description))
        {
            text.AppendLine(fields.Description.Trim());
        }

        var details = new List<string>();
        if (fields.Location?.ToString() is { Length: > 0 } location)
        {
            details.Add("Location: " + location);
        }

        if (fields.Reporter is { } reporter && Join(reporter.Name, reporter.Email, reporter.Phone) is { Length: > 0 } who)
        {
            details.Add("Reported by: " + who);
        }

        if (upstream.Count > 0)
        {
            details.Add("References: " + string.Join(", ", upstream.Select(r => $"{r.SystemName} {r.ExternalNumber ?? r.ExternalId}")));
        }

        if (details.Count > 0)
        {
            text.AppendLine().AppendJoin(Environment.NewLine, details);
        }

        var result = text.ToString().Trim();
        return result.Length == 0 ? fields.Description : Clip(result);
    }

    public static string? Clip(string? description) =>
        description is null || description.Length <= DescriptionLimit ? description : description[..(DescriptionLimit - 1)] + "…";

    public static int? Priority(IReadOnlyDictionary<string, string> targetValues) =>
        targetValues.TryGetValue(MappedField.Priority, out var value) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    private static string Join(params string?[] parts) =>
        string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
