namespace Hub.Abstractions.Mapping;

/// <summary>
/// A link in the chain: cases seen in <see cref="From"/> that match <see cref="When"/> get a record in
/// <see cref="To"/>, which plays <see cref="Role"/> in the chain.
/// Field names in <see cref="Fields"/>: title, description, status, priority, category, subcategory,
/// location, reporter, targetDate, appointment, resolution, comments.
/// </summary>
public sealed record RouteMapping
{
    public required string Name { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Role { get; init; }
    public RouteCondition When { get; init; } = RouteCondition.Always;

    /// <summary>"subcategory" or "category": pick the contractor whose list holds the case's value; null: none.</summary>
    public string? ContractorBy { get; init; }

    /// <summary>Settings handed to the target adapter with every command (<see cref="RouteParameters"/>; e.g. "customer" for Dynamics).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, FieldRule> Fields { get; init; } = new Dictionary<string, FieldRule>();

    /// <summary>How long <see cref="To"/> may take to answer a new record before the reporter hears "still waiting"; null: no expectation.</summary>
    public ExpectedTime? ExpectedWithin { get; init; }
}

/// <summary>Which cases a route takes, by canonical category and subcategory; empty lists match anything.</summary>
public sealed record RouteCondition(IReadOnlyList<string> Categories, IReadOnlyList<string> Subcategories)
{
    public static RouteCondition Always { get; } = new([], []);
}
