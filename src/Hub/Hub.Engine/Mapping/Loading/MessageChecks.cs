using Hub.Abstractions.Mapping;

namespace Hub.Engine.Mapping.Loading;

/// <summary>Templates and reply phrases: one per language; templates use known placeholders and carry the order token.</summary>
internal static class MessageChecks
{
    public static IEnumerable<MappingError> Check(MappingParts parts)
    {
        var duplicates = Duplicates(parts.Templates, t => t.Language, MappingErrorKind.DuplicateTemplate, "work-order templates")
            .Concat(Duplicates(parts.Phrases, p => p.Language, MappingErrorKind.DuplicatePhrases, "phrase lists"));
        foreach (var error in duplicates)
        {
            yield return error;
        }

        foreach (var template in parts.Templates)
        {
            foreach (var error in CheckTemplate(template))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<MappingError> CheckTemplate(Located<MessageTemplate> template)
    {
        var parts = new[] { ("subject", template.Value.Subject), ("body", template.Value.Body) };
        foreach (var (part, text) in parts)
        {
            foreach (var error in TemplatePlaceholders.Unknown(template.File, template.PathOf(part), part, text, MessageTemplate.Placeholders))
            {
                yield return error;
            }
        }

        if (!template.Value.Subject.Contains("{{token}}", StringComparison.Ordinal))
        {
            yield return new MappingError(
                template.File,
                template.PathOf("subject"),
                "The subject has no {{token}}; replies whose mail client drops the reference headers could not be matched.",
                "Put {{token}} in the subject, e.g. \"Werkorder [{{token}}]: {{title}}\".")
            {
                Kind = MappingErrorKind.TokenMissingFromSubject,
            };
        }
    }

    private static IEnumerable<MappingError> Duplicates<T>(List<Located<T>> pieces, Func<T, string> language, MappingErrorKind kind, string what) =>
        DuplicateKeys.Report(
            pieces,
            language,
            "language",
            kind,
            (code, first) => $"Two {what} are for language '{code}' (also at {first}).",
            code => $"Keep one of the {what} for '{code}'.");
}
