namespace Hub.Simulators.TopDesk;

/// <summary>The login the simulated TOPdesk accepts, its clock, and what makes this tenant its own: operators and search lists.</summary>
public sealed record TopDeskSimulatorOptions
{
    public string Username { get; init; } = "hub-koppeling";
    public string ApplicationPassword { get; init; } = "sim-" + Guid.NewGuid().ToString("N")[..20];
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The name of the operator the hub's login belongs to.</summary>
    public string HubOperatorName { get; init; } = "Hub Koppeling";

    /// <summary>The employee who acts as "a person" in this tenant's own screens.</summary>
    public string StaffOperatorName { get; init; } = "Sanne de Vries";

    public TopDeskSearchLists SearchLists { get; init; } = TopDeskSearchLists.ServiceDesk;
}
