namespace Hub.Sandbox;

// What the hub's read-only auditor API answers, as far as the sandbox reads it (JSON in web casing; see the hub's
// /openapi/v1.json for the whole shape).

/// <summary>One journal entry of GET /api/events.</summary>
internal sealed record JournalLine(
    long Sequence,
    DateTimeOffset At,
    string? CaseId,
    string Kind,
    string? SourceSystem,
    string? SourceRecord,
    string? TargetSystem,
    string? TargetRecord,
    string Outcome,
    string? Error,
    string? Detail,
    string? After);

/// <summary>A page of GET /api/events, oldest first.</summary>
internal sealed record JournalLines(int Page, int PageSize, bool HasMore, IReadOnlyList<JournalLine> Items);

/// <summary>One case found by GET /api/cases?ref=.</summary>
internal sealed record CaseMatch(string CaseId);

/// <summary>GET /api/cases/{id}: the case and its record in each system.</summary>
internal sealed record CaseView(string CaseId, string? Status, IReadOnlyList<CaseRecord> Links, IReadOnlyList<CaseStay> Stays);

/// <summary>The case's record in one system.</summary>
internal sealed record CaseRecord(string System, string ExternalId, string? Number);

/// <summary>How long one organisation held the complaint (counting on while it still does).</summary>
internal sealed record CaseStay(string System, long WaitedSeconds, bool IsCurrent);
