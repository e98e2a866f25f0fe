namespace Hub.Simulators.TopDesk;

/// <summary>What a person types when they log an incident in the simulated TOPdesk.</summary>
public sealed record SimulatedIncidentDraft
{
    public required string BriefDescription { get; init; }
    public string? Request { get; init; }
    public string? Category { get; init; }
    public string? Subcategory { get; init; }
    public string? Priority { get; init; }
    public string? ProcessingStatus { get; init; }
    public string? CallerName { get; init; }
    public string? CallerEmail { get; init; }
    public string? CallerPhone { get; init; }
    public string? Location { get; init; }
    public string? ExternalNumber { get; init; }
    public DateTimeOffset? TargetDate { get; init; }
}
