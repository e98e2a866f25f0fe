namespace Hub.Engine.Audit;

/// <summary>
/// How long the complaint waited at one organisation: from the moment that organisation's record was created
/// or linked until the next organisation took over, or the complaint was resolved, or (when current) now.
/// </summary>
public sealed record OrganisationStay(
    string Role,
    string System,
    string? Number,
    DateTimeOffset From,
    DateTimeOffset? Until,
    TimeSpan Waited,
    bool IsCurrent);
