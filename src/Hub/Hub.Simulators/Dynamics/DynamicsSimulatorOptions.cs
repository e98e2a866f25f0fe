namespace Hub.Simulators.Dynamics;

/// <summary>How the simulated org is set up: the app registration the hub signs in with and the alternate-key column.</summary>
public sealed record DynamicsSimulatorOptions
{
    public string TenantId { get; init; } = "7d3a5c1e-0b4f-4e55-9a61-2f0c8e9d1b44";
    public string ClientId { get; init; } = "5e1f0a2b-8c3d-4e6f-9a7b-1c2d3e4f5a6b";
    public string ClientSecret { get; init; } = "sim-secret-" + Guid.NewGuid().ToString("N");
    public string CorrelationKeyColumn { get; init; } = "hub_correlationid";

    /// <summary>Service protection: requests per user in a 5-minute window before 429 (Dataverse default 6,000).</summary>
    public int RequestLimitPerFiveMinutes { get; init; } = 6000;

    /// <summary>Service protection: concurrent requests per user before 429 (Dataverse default 52).</summary>
    public int ConcurrencyLimit { get; init; } = 52;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
