namespace Hub.Abstractions.Model;

/// <summary>The person who reported the complaint.</summary>
public sealed record CaseReporter(string? Name, string? Email, string? Phone);
