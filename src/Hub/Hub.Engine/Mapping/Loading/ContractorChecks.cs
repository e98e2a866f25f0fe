using Hub.Abstractions.Mapping;
namespace Hub.Engine.Mapping.Loading;

/// <summary>Contractors: unique ids, and no category or subcategory claimed by two contractors (the choice would be arbitrary).</summary>
internal static class ContractorChecks
{
    public static IEnumerable<MappingError> Check(MappingParts parts) =>
        DuplicateKeys.Report(
                parts.Contractors,
                c => c.Id,
                "id",
                MappingErrorKind.DuplicateContractor,
                (id, first) => $"Two contractors have the id '{id}' (also at {first}).",
                _ => "Give each contractor its own id.")
            .Concat(Conflicts(parts, "subcategories", c => c.Subcategories))
            .Concat(Conflicts(parts, "categories", c => c.Categories));

    private static IEnumerable<MappingError> Conflicts(
        MappingParts parts,
        string list,
        Func<ContractorMapping, IReadOnlyList<string>> valuesOf)
    {
        var claims = parts.Contractors.SelectMany(c => valuesOf(c.Value).Select((value, i) =>
            new Located<string>(value, c.File, JsonPaths.Item(c.PathOf(list), i))));
        return DuplicateKeys.Report(
            claims,
            claim => claim,
            property: null,
            MappingErrorKind.ContractorConflict,
            (value, first) => $"'{value}' is claimed by two contractors (also at {first}); the hub could not choose.",
            value => $"Keep '{value}' in the {list} of one contractor only.");
    }
}
