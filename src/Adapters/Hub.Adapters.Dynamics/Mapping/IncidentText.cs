using System.Globalization;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Mapping;

/// <summary>
/// Fits the hub's text into the incident's columns: title at most 200 characters (a longer one is cut, and kept whole at
/// the top of the description), description at most 2,000 (Dataverse refuses more): the case's text, then where and who
/// and the case's numbers elsewhere. When it does not fit, the text is cut and says where the full text is; the
/// location, reporter and references are never cut off.
/// </summary>
internal static class IncidentText
{
    public const int TitleLimit = 200;
    public const int DescriptionLimit = 2000;

    /// <summary>The least of the case's own text a cut description keeps before its references.</summary>
    private const int LeastTextKept = 200;

    private const string Break = "\n";

    public static string? Title(string? title) =>
        title is null ? null : TextCut.Shorten(title, TitleLimit);

    /// <summary>The whole description of a case, as a create writes it and a change of its text writes it again.</summary>
    public static string? Description(CaseFields fields, IReadOnlyList<CaseLink> upstream, string caseId)
    {
        var body = Body(fields);
        var footer = Footer(fields, upstream);
        var whole = Join(body, footer);
        if (whole.Length == 0)
        {
            return fields.Description;
        }

        if (whole.Length <= DescriptionLimit)
        {
            return whole;
        }

        var mark = CutMark(upstream, caseId);
        var room = DescriptionLimit - footer.Length - mark.Length - (Break.Length * 3);
        return room < LeastTextKept
            ? TextCut.Shorten(whole, DescriptionLimit) // references so long they leave no room for the text: cut the whole
            : Join(TextCut.Shorten(body, room) + Break + mark, footer);
    }

    /// <summary>
    /// The description a change writes: the whole composition again, from the whole case when the change carries it,
    /// when the case's text changed or its title no longer fits the title; null (leave it as it is) otherwise.
    /// </summary>
    public static string? DescriptionAfter(ApplyChangeCommand change)
    {
        var changed = change.Fields;
        return changed.Description is not null || changed.Title is { Length: > TitleLimit }
            ? Description(change.WholeCase ?? changed, change.UpstreamRecords, change.CaseId)
            : null;
    }

    public static string? Clip(string? description) =>
        description is null ? null : TextCut.Shorten(description, DescriptionLimit);

    private static string Body(CaseFields fields)
    {
        var parts = new List<string>();
        if (fields.Title is { Length: > TitleLimit } longTitle)
        {
            parts.Add(longTitle.Trim());
        }

        if (!string.IsNullOrWhiteSpace(fields.Description))
        {
            parts.Add(fields.Description.Trim());
        }

        return string.Join(Break + Break, parts);
    }

    private static string Footer(CaseFields fields, IReadOnlyList<CaseLink> upstream)
    {
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
            details.Add("References: " + string.Join(", ", upstream.Select(Named)));
        }

        return string.Join(Break, details);
    }

    /// <summary>Where the full text is: the record the complaint started as, else the hub's case.</summary>
    private static string CutMark(IReadOnlyList<CaseLink> upstream, string caseId) =>
        $"(cut: full text in {(upstream.Count > 0 ? Named(upstream[0]) : "hub case " + caseId)})";

    private static string Named(CaseLink record) => $"{record.SystemName} {record.ExternalNumber ?? record.ExternalId}";

    private static string Join(string body, string footer) =>
        body.Length == 0 ? footer : footer.Length == 0 ? body : body + Break + Break + footer;

    public static int? Priority(IReadOnlyDictionary<string, string> targetValues) =>
        targetValues.TryGetValue(MappedField.Priority, out var value) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    private static string Join(params string?[] parts) =>
        string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
