namespace Hub.Simulators.ServiceNow;

/// <summary>How the simulated instance is set up: the integration user, its OAuth application, and the clock.</summary>
public sealed record ServiceNowSimulatorOptions
{
    /// <summary>user_name of the integration user (roles itil and rest_api_explorer).</summary>
    public string Username { get; init; } = "svc.hub";

    public string Password { get; init; } = "integration-password-1";

    public string ClientId { get; init; } = "6c1f0e5b2a8d4c3e9f7a1b2c3d4e5f60";

    public string ClientSecret { get; init; } = "oauth-client-secret-1";

    /// <summary>glide.oauth.inbound.client.credential.grant_type.enabled, with the integration user as OAuth Application User.</summary>
    public bool ClientCredentialsEnabled { get; init; } = true;

    /// <summary>Access token lifespan (the instance's default is 1,800 s).</summary>
    public TimeSpan AccessTokenLifespan { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>The integration user's time zone (sys_user.time_zone); the hub wants GMT.</summary>
    public string UserTimeZone { get; init; } = "GMT";

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
