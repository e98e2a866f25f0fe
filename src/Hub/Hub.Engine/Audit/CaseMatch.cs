namespace Hub.Engine.Audit;

/// <summary>A case found for a reference, and how it was found ("hub id", "servicedesk number", "facility id").</summary>
public sealed record CaseMatch(string CaseId, string? Title, string? Status, string MatchedBy);
