using Hub.Abstractions.Http;

namespace Hub.Adapters.ServiceNow;

/// <summary>
/// Settings of one ServiceNow system: named options (the name is the system's) bound from <c>Hub:Systems:&lt;name&gt;</c>,
/// defaults as written here, checked on start by the adapter's validator, which names the key of every wrong one.
/// </summary>
public sealed class ServiceNowOptions
{
    /// <summary>The instance's address, e.g. https://acme.service-now.com.</summary>
    public string InstanceUrl { get; set; } = string.Empty;

    public ServiceNowAuthentication Authentication { get; set; } = ServiceNowAuthentication.Basic;

    /// <summary>user_name of the integration user (Basic and OAuthPassword).</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The integration user's password (a secret: never logged).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Client id of the OAuth application (System OAuth → Application Registry).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Client secret of the OAuth application (a secret: never logged).</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>
    /// user_name the instance records in sys_updated_by and sys_created_by for the hub's writes: how the hub knows its
    /// own changes when it reads them back. Defaults to <see cref="Username"/>; with client credentials it is the OAuth
    /// Application User of the client and must be set.
    /// </summary>
    public string IntegrationUser { get; set; } = string.Empty;

    /// <summary>Incidents per page when polling (sysparm_limit, 1 to 10000).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How far before the watermark each poll starts again: sys_updated_on is whole seconds.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>On the very first poll (no watermark yet), how far back to look.</summary>
    public TimeSpan FirstPollLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Assignment group of new incidents, by name or sys_id (a route may name another as "assignmentGroup").</summary>
    public string? AssignmentGroup { get; set; }

    /// <summary>Caller of new incidents whose reporter the instance does not know by e-mail: a user_name or sys_id; none leaves caller_id empty.</summary>
    public string? CallerFallback { get; set; }

    /// <summary>correlation_display the hub writes on the incidents it creates (the eBonding convention: the other side's name).</summary>
    public string CorrelationDisplay { get; set; } = "Hub";

    /// <summary>hold_reason written with state 3 (On Hold): 1 Awaiting Caller, 3 Problem, 4 Vendor, 5 Change.</summary>
    public string HoldReason { get; set; } = "4";

    /// <summary>close_code written with state 6 (Resolved) or 7 (Closed); the data policy requires one.</summary>
    public string CloseCode { get; set; } = "Solved (Permanently)";

    /// <summary>Allows credentials over http to a host other than loopback (default false: https only).</summary>
    public bool AllowPlainTextCredentials { get; set; }

    /// <summary>Retries, timeouts and the circuit breaker of the HTTP client (<c>Http:*</c>).</summary>
    public SystemHttpOptions Http { get; set; } = new();

    /// <summary>The user_name the hub's writes carry.</summary>
    internal string EchoUser => string.IsNullOrWhiteSpace(IntegrationUser) ? Username : IntegrationUser;
}
