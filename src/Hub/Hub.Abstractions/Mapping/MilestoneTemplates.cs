namespace Hub.Abstractions.Mapping;

/// <summary>
/// The sentences a reporter reads about the journey of a complaint, in one language (mappings' "milestones"): one per
/// milestone, plus the notes the building manager's case gets when a contractor refuses or a step is overdue, and how
/// each role of the chain is named in them ("de gebouwbeheerder", "the contractor"). Placeholders in double braces
/// are filled in by the hub (<see cref="Placeholders"/>).
/// </summary>
public sealed record MilestoneTemplates
{
    public required string Language { get; init; }

    /// <summary>Milestone name in camelCase ("forwarded", "workOrderSent", …, "stillWaiting") → its sentence.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Note on the building manager's case when the contractor refuses the order: it needs action.</summary>
    public string RefusedNote { get; init; } = string.Empty;

    /// <summary>Note on the building manager's case when a step is overdue.</summary>
    public string OverdueNote { get; init; } = string.Empty;

    /// <summary>Role of the chain ("facility", "contractor") → how the reporter calls it ("de gebouwbeheerder").</summary>
    public IReadOnlyDictionary<string, string> Parties { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The placeholders a milestone text may use (without braces).</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["caseId", "appointment", "contractor", "waitingFor", "expectedBy"];

    /// <summary>The keys every language must give a text for, as the mapping files spell them.</summary>
    public static IReadOnlyList<string> TextKeys { get; } =
        ["forwarded", "workOrderSent", "accepted", "appointment", "delayed", "done", "refused", "cancelled", "stillWaiting"];

    public string? TextFor(string key) => Texts.TryGetValue(key, out var text) ? text : null;

    /// <summary>How the reporter calls a role; the role itself when the mapping names it not.</summary>
    public string PartyName(string role) => Parties.TryGetValue(role, out var name) ? name : role;
}
