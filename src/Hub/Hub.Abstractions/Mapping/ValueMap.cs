namespace Hub.Abstractions.Mapping;

/// <summary>How one system's values of one field (status, priority, category, subcategory) translate to canonical ones.</summary>
public sealed record ValueMap(string System, string Field, IReadOnlyList<ValueMapEntry> Values)
{
    /// <summary>What happens to a value no entry knows; <see cref="UnmappedValues.Park"/> unless the file says otherwise.</summary>
    public UnmappedValues Unmapped { get; init; } = UnmappedValues.Park;
}

/// <summary>One pair of a value map: the system's own value and the canonical one.</summary>
public sealed record ValueMapEntry(string SystemValue, string CanonicalValue, MapDirection Direction = MapDirection.Both)
{
    /// <summary>The entry's "description" in the mapping file (e.g. "In Progress" for Dynamics statuscode 1); null when it has none.</summary>
    public string? Description { get; init; }
}
