using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Mapping;

/// <summary>A case row as one poll read it, with the hub's application user (whose changes are the hub's own) and when it was read.</summary>
internal sealed record CaseRead(IncidentRow Row, Guid AppUserId, DateTimeOffset ReadAt);

/// <summary>A case the org's change tracking reported deleted (its incidentid), and when the hub learned of it.</summary>
internal sealed record DeletedCaseRead(string ExternalId, DateTimeOffset ReadAt);

/// <summary>A note on a case as one poll read it.</summary>
internal sealed record NoteRead(NoteRow Note, Guid AppUserId, DateTimeOffset ReadAt);

/// <summary>What a new case is made of: the create command, its customer lookup and its origin, both from the route.</summary>
internal sealed record CaseToCreate(CreateRecordCommand Command, (string Property, string Value) Customer, int Origin);
