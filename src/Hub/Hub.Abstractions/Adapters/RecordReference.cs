namespace Hub.Abstractions.Adapters;

/// <summary>A record in an external system: its id, the number people see, and its version if known.</summary>
public sealed record RecordReference(string ExternalId, string? ExternalNumber, string? Version = null);
