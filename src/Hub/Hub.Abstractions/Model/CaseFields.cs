namespace Hub.Abstractions.Model;

/// <summary>
/// The canonical content of a complaint. Every member is optional: a change carries what it knows,
/// and null means "not said", never "cleared".
/// </summary>
public sealed record CaseFields
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public CaseStatus? Status { get; init; }
    public CasePriority? Priority { get; init; }
    public string? Category { get; init; }
    public string? Subcategory { get; init; }
    public CaseLocation? Location { get; init; }
    public CaseReporter? Reporter { get; init; }
    public DateTimeOffset? TargetDate { get; init; }
    public AppointmentWindow? Appointment { get; init; }
    public string? Resolution { get; init; }

    public static CaseFields Empty { get; } = new();
}
