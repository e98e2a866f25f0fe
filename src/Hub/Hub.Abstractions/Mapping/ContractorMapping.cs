using Hub.Abstractions.Model;

namespace Hub.Abstractions.Mapping;

/// <summary>
/// A contractor reachable by e-mail. <see cref="Senders"/> lists the addresses (or "@domain" suffixes)
/// whose replies may change a case sent to this contractor.
/// </summary>
public sealed record ContractorMapping
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public IReadOnlyList<string> Senders { get; init; } = [];
    public string Language { get; init; } = Languages.Default;
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Subcategories { get; init; } = [];
}
