namespace Hub.Abstractions.Mapping;

/// <summary>
/// A work-order mail in one language. Placeholders in double braces ({{title}}, {{description}},
/// {{location}}, {{reporter}}, {{targetDate}}, {{token}}, {{caseId}}, {{references}}) are filled with
/// escaped case data; the template itself is plain text. {{token}} is the bare order token.
/// </summary>
public sealed record MessageTemplate(string Language, string Subject, string Body)
{
    /// <summary>The placeholder names a template may use (without braces).</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["title", "description", "location", "reporter", "targetDate", "token", "caseId", "references"];
}
