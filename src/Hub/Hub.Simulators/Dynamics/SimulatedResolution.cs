namespace Hub.Simulators.Dynamics;

/// <summary>An <c>incidentresolution</c> activity written by the CloseIncident action.</summary>
public sealed record SimulatedResolution(Guid Id, Guid CaseId, string? Subject, string? Description, int Status, DateTimeOffset CreatedOn);
