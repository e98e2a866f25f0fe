using Hub.Abstractions.Adapters;

namespace Hub.Engine.Readiness;

/// <summary>Whether the values a mapping uses for one field of a system exist in that system's own list.</summary>
internal static class MappedValueCheck
{
    private const int ShownKnownValues = 12;

    /// <summary>The check's line; null when the system keeps no list of this field.</summary>
    public static async Task<SystemCheck?> RunAsync(ISystemReadiness readiness, string systemName, string field, IReadOnlyList<string> used, CancellationToken cancellationToken)
    {
        var name = $"mapped {field} values";
        IReadOnlyCollection<string>? known;
        try
        {
            known = await readiness.ListValuesAsync(field, cancellationToken);
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, $"the {field} list cannot be read: {failure.Message}", $"give the hub's account read access to {systemName}'s {field} list");
        }

        if (known is null)
        {
            return null;
        }

        var present = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        var missing = used.Where(v => !present.Contains(v)).ToList();
        if (missing.Count == 0)
        {
            return SystemCheck.Pass(name, $"{used.Count} in use, all known to {systemName}");
        }

        var shown = string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase).Take(ShownKnownValues).Select(v => $"'{v}'"));
        return SystemCheck.Fail(
            name,
            $"the mapping uses {field} {string.Join(", ", missing.Select(v => $"'{v}'"))}, which {systemName} does not have (it has {shown}{(known.Count > ShownKnownValues ? ", …" : string.Empty)})",
            $"correct the value in the valueMaps entry for system '{systemName}', field '{field}' of the mapping files, or add it to {systemName}");
    }
}
