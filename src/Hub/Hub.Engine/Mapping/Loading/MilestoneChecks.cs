using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Milestone sentences: one set per language, a Dutch set (the default language) whenever there is any, a sentence for
/// every milestone in each set, and only placeholders the hub fills in.
/// </summary>
internal static class MilestoneChecks
{
    public static IEnumerable<MappingError> Check(MappingParts parts)
    {
        var duplicates = DuplicateKeys.Report(
            parts.Milestones,
            m => m.Language,
            "language",
            MappingErrorKind.DuplicateMilestones,
            (code, first) => $"Two milestone sets are for language '{code}' (also at {first}).",
            code => $"Keep one milestone set for '{code}'.");
        foreach (var error in duplicates)
        {
            yield return error;
        }

        if (parts.Milestones.Count > 0 && !parts.Milestones.Any(m => string.Equals(m.Value.Language, Languages.Default, StringComparison.OrdinalIgnoreCase)))
        {
            var first = parts.Milestones[0];
            yield return new MappingError(
                first.File,
                "$.milestones",
                $"There is no milestone set for '{Languages.Default}', the language of every system, route and contractor that names none.",
                $"Add a set with \"language\": \"{Languages.Default}\" (copy the shipped mappings/milestones.json).")
            {
                Kind = MappingErrorKind.MissingMilestoneLanguage,
            };
        }

        foreach (var set in parts.Milestones)
        {
            foreach (var error in CheckSet(set))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<MappingError> CheckSet(Located<MilestoneTemplates> set)
    {
        foreach (var key in MilestoneTemplates.TextKeys.Where(k => string.IsNullOrWhiteSpace(set.Value.TextFor(k))))
        {
            yield return new MappingError(
                set.File,
                set.PathOf(key),
                $"The milestone set for '{set.Value.Language}' has no sentence for '{key}'; the reporter would hear nothing at that step.",
                $"Add \"{key}\": \"…\" to the set.")
            {
                Kind = MappingErrorKind.MissingMilestoneText,
            };
        }

        var texts = set.Value.Texts.Select(t => (Key: t.Key, t.Value))
            .Append(("refusedNote", set.Value.RefusedNote))
            .Append(("overdueNote", set.Value.OverdueNote));
        foreach (var (key, text) in texts)
        {
            foreach (var error in TemplatePlaceholders.Unknown(set.File, set.PathOf(key), "sentence", text, MilestoneTemplates.Placeholders))
            {
                yield return error;
            }
        }
    }
}
