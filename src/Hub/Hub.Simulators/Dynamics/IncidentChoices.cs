namespace Hub.Simulators.Dynamics;

/// <summary>
/// The Case table's choices as a fresh Dynamics 365 org defines them: status reasons (statuscode, each under its state)
/// and priorities (prioritycode), with their English labels. Read for formatted values and served as option metadata.
/// </summary>
internal static class IncidentChoices
{
    public static readonly IReadOnlyList<(int Value, int State, string Label)> StatusReasons =
    [
        (1, 0, "In Progress"), (2, 0, "On Hold"), (3, 0, "Waiting for Details"), (4, 0, "Researching"),
        (5, 1, "Problem Solved"), (1000, 1, "Information Provided"),
        (6, 2, "Cancelled"), (2000, 2, "Merged"),
    ];

    public static readonly IReadOnlyList<(int Value, string Label)> Priorities = [(1, "High"), (2, "Normal"), (3, "Low")];

    public static string? StatusLabel(int value) => StatusReasons.FirstOrDefault(s => s.Value == value).Label;

    public static string? PriorityLabel(int value) => Priorities.FirstOrDefault(p => p.Value == value).Label;
}
