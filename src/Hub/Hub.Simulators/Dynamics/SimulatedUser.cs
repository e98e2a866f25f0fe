namespace Hub.Simulators.Dynamics;

/// <summary>A <c>systemuser</c> of the simulated org: the hub's application user or a person.</summary>
public sealed record SimulatedUser(Guid Id, string FullName);
