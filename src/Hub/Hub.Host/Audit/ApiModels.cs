using Hub.Engine.Audit;

namespace Hub.Host.Audit;

/// <summary>GET /api/cases/{id}: the case, its records in each system, and how long it waited at each organisation.</summary>
internal sealed record CaseDetail(
    string CaseId,
    string? Title,
    string? Status,
    string? Priority,
    string OriginSystem,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CurrentRole,
    IReadOnlyList<TraceLink> Links,
    IReadOnlyList<StayView> Stays)
{
    public static CaseDetail From(CaseTrace trace) => new(
        trace.Case.CaseId,
        trace.Case.Title,
        trace.Case.Status,
        trace.Case.Priority,
        trace.Case.OriginSystem,
        trace.Case.CreatedAt,
        trace.Case.UpdatedAt,
        trace.Current?.Role,
        trace.Links,
        [.. trace.Stays.Select(StayView.Of)]);
}

/// <summary>One organisation's hold on the complaint; <see cref="WaitedSeconds"/> counts to now while it is current.</summary>
internal sealed record StayView(string Role, string System, string? Number, DateTimeOffset From, DateTimeOffset? Until, long WaitedSeconds, bool IsCurrent)
{
    public static StayView Of(OrganisationStay stay) =>
        new(stay.Role, stay.System, stay.Number, stay.From, stay.Until, (long)stay.Waited.TotalSeconds, stay.IsCurrent);
}
