using System.Text.RegularExpressions;

namespace Hub.Engine.Mapping.Loading;

/// <summary>The {{name}} placeholders of a text from the mappings (a work-order template, a milestone sentence), checked against those the hub fills in.</summary>
internal static partial class TemplatePlaceholders
{
    /// <param name="what">How the error names the text: "subject", "body", "sentence".</param>
    public static IEnumerable<MappingError> Unknown(string file, string path, string what, string text, IReadOnlyList<string> known)
    {
        foreach (Match placeholder in Placeholder().Matches(text))
        {
            var name = placeholder.Groups["name"].Value;
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                yield return new MappingError(
                    file,
                    path,
                    $"The {what} uses {{{{{name}}}}}, which the hub does not fill in.",
                    $"Correct the placeholder. {Suggestions.Hint(name, known)}")
                {
                    Kind = MappingErrorKind.UnknownPlaceholder,
                };
            }
        }
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
