namespace Hub.Abstractions.Model;

/// <summary>One system's record of a complaint, as the hub knows it.</summary>
public sealed record CaseLink(string CaseId, string SystemName, string ExternalId, string? ExternalNumber, string Role);
