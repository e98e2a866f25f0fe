namespace Hub.Engine.Journey;

/// <summary>
/// What the hub asked a system to create for the case (its outbox Create command): the status value the record
/// started with and, for a contractor, the contractor's id in the mappings.
/// </summary>
public sealed record JourneyCreate(string System, string? StatusValue, string? ContractorId);
