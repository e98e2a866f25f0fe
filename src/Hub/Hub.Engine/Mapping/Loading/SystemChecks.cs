namespace Hub.Engine.Mapping.Loading;

/// <summary>Systems: each declared once.</summary>
internal static class SystemChecks
{
    public static IEnumerable<MappingError> Check(MappingParts parts) =>
        DuplicateKeys.Report(
            parts.Systems,
            s => s.Name,
            "name",
            MappingErrorKind.DuplicateSystem,
            (name, first) => $"System '{name}' is declared twice (also at {first}).",
            _ => "Declare each system once; merge the two declarations.");

    /// <summary>An error when <paramref name="system"/> is not declared under "systems"; null when it is.</summary>
    public static MappingError? Unknown(MappingParts parts, string system, string file, string path, string usedAs)
    {
        var declared = parts.Systems.Select(s => s.Value.Name).ToList();
        if (declared.Contains(system, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return new MappingError(
            file,
            path,
            $"{usedAs} '{system}' is not declared under \"systems\".",
            $"Declare it under \"systems\" (e.g. in systems.json) or name a declared system. {Suggestions.Hint(system, declared)}")
        {
            Kind = MappingErrorKind.UnknownSystem,
        };
    }
}
