using Hub.Abstractions.Http;

namespace Hub.Adapters.TopDesk;

/// <summary>
/// Settings of one TOPdesk system: named options (the name is the system's) bound from <c>Hub:Systems:&lt;name&gt;</c>,
/// defaults as written here, checked on start by the adapter's validator, which names the key of every wrong one.
/// </summary>
public sealed class TopDeskOptions
{
    /// <summary>The tenant's address, e.g. https://acme.topdesk.net (a trailing /tas/api is accepted).</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Login name of the operator account the hub acts as (the one that made the application password).</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The operator's application password (a secret: never logged).</summary>
    public string ApplicationPassword { get; set; } = string.Empty;

    /// <summary>
    /// New incidents per page when polling (TOPdesk allows 1 to 10000); each page after the first also brings the last
    /// incident of the one before again, to check that nothing before it moved.
    /// </summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How far before the watermark each poll starts again: modification dates are second-granular.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>On the very first poll (no watermark yet), how far back to look.</summary>
    public TimeSpan FirstPollLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Incidents of one page whose progress entries are read at the same time (TOPdesk answers one list per incident).</summary>
    public int ProgressReadConcurrency { get; set; } = 4;

    /// <summary>Name of the operator group new incidents are given, if any (a route may name another as "operatorGroup").</summary>
    public string? OperatorGroup { get; set; }

    /// <summary>Caller name for a new incident when the case has no reporter.</summary>
    public string CallerFallback { get; set; } = "Hub";

    /// <summary>The line of new incidents: firstLine or secondLine.</summary>
    public string Line { get; set; } = "firstLine";

    /// <summary>Allows the application password over http to a host other than loopback (default false: https only).</summary>
    public bool AllowPlainTextCredentials { get; set; }

    /// <summary>Retries, timeouts and the circuit breaker of the HTTP client (<c>Http:*</c>).</summary>
    public SystemHttpOptions Http { get; set; } = new();
}
