namespace Hub.Simulators.TopDesk;

/// <summary>The login the simulated TOPdesk accepts, and its clock.</summary>
public sealed record TopDeskSimulatorOptions
{
    public string Username { get; init; } = "hub-koppeling";
    public string ApplicationPassword { get; init; } = "sim-" + Guid.NewGuid().ToString("N")[..20];
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
