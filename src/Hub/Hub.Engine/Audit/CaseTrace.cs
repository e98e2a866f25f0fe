namespace Hub.Engine.Audit;

/// <summary>One complaint's whole story: its fields, its records in each system, where it waited, and every journal entry.</summary>
public sealed record CaseTrace(
    CaseSummary Case,
    IReadOnlyList<TraceLink> Links,
    IReadOnlyList<OrganisationStay> Stays,
    IReadOnlyList<JournalRecord> Events)
{
    /// <summary>The organisation that has the complaint now (null when it is resolved or no record exists yet).</summary>
    public OrganisationStay? Current => Stays.LastOrDefault(s => s.IsCurrent);
}

/// <summary>The case's own fields, as the hub last agreed them.</summary>
public sealed record CaseSummary(
    string CaseId,
    string? Title,
    string? Status,
    string? Priority,
    string OriginSystem,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The case's record in one system.</summary>
public sealed record TraceLink(string System, string ExternalId, string? Number, string Role, string? UpstreamSystem, DateTimeOffset LinkedAt);
