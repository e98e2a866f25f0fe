namespace Hub.Adapters.Dynamics.Mapping;

/// <summary>The incident columns the hub writes; null means "leave as it is".</summary>
internal sealed record IncidentDraft
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? PriorityCode { get; init; }
    public DateTimeOffset? ResolveBy { get; init; }
}
