namespace Hub.Simulators.TopDesk;

/// <summary>A card or search-list value inside the simulated TOPdesk: rendered as <c>{"id", "name"}</c>.</summary>
public sealed record SimulatedRef(string Id, string Name);
