using Hub.Abstractions.Http;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// Settings of one Dynamics 365 system: named options (the name is the system's) bound from
/// <c>Hub:Systems:&lt;name&gt;</c>, defaults as written here, checked on start by the adapter's validator, which names the
/// key of every wrong one. A setting left empty keeps its default; text is taken without surrounding spaces.
/// </summary>
public sealed class DynamicsOptions
{
    public const string DefaultAuthority = "https://login.microsoftonline.com/";

    public const string DefaultCorrelationKeyColumn = "hub_correlationid";

    /// <summary>The org URL, e.g. https://contoso.crm4.dynamics.com/ (HTTP is accepted on loopback only).</summary>
    public string BaseUrl { get; set => field = Trimmed(value); } = string.Empty;

    /// <summary>The token endpoint base; the token is requested at {Authority}{TenantId}/oauth2/v2.0/token.</summary>
    public string Authority { get; set => field = Trimmed(value) is { Length: > 0 } authority ? authority : DefaultAuthority; } = DefaultAuthority;

    public string TenantId { get; set => field = Trimmed(value); } = string.Empty;

    public string ClientId { get; set => field = Trimmed(value); } = string.Empty;

    /// <summary>The app registration's client secret (a secret: never logged).</summary>
    public string ClientSecret { get; set => field = Trimmed(value); } = string.Empty;

    /// <summary>Logical name of the incident column that holds the hub's case id and carries an alternate key.</summary>
    public string CorrelationKeyColumn { get; set => field = Trimmed(value) is { Length: > 0 } column ? column : DefaultCorrelationKeyColumn; } = DefaultCorrelationKeyColumn;

    /// <summary>The org's service protection limit for the hub's user: requests per 5 minutes (Dataverse default 6,000).</summary>
    public int RequestsPerFiveMinutes { get; set; } = 6000;

    /// <summary>Share of <see cref="RequestsPerFiveMinutes"/> the hub leaves unused, so it stays below the limit.</summary>
    public double BudgetHeadroom { get; set; } = 0.05;

    /// <summary>Requests in flight at once (Dataverse refuses more than 52).</summary>
    public int MaxConcurrency { get; set; } = 52;

    /// <summary>Rows per page (<c>Prefer: odata.maxpagesize</c>), at most 5,000.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// On the very first poll of the org (no watermark yet), how far back to look: cases and notes last changed
    /// before that are history the hub leaves alone (the same default as TOPdesk's, a day).
    /// </summary>
    public TimeSpan FirstPollLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Default case origin (<c>caseorigincode</c>) of created cases, unless the route says otherwise: 3 = Web.</summary>
    public int DefaultCaseOrigin { get; set; } = 3;

    /// <summary>
    /// A certificate file (DER or PEM) that the token endpoint may present besides certificates the machine trusts: for
    /// an identity provider on a private CA, or a simulated Entra ID. Only that exact certificate is added.
    /// </summary>
    public string TokenEndpointCertificateFile { get; set => field = Trimmed(value); } = string.Empty;

    /// <summary>Retries, timeouts and the circuit breaker of the HTTP client (<c>Http:*</c>).</summary>
    public SystemHttpOptions Http { get; set; } = new();

    /// <summary>Requests the client lets itself send per 5 minutes.</summary>
    internal int RequestBudget => Math.Max(1, (int)Math.Floor(RequestsPerFiveMinutes * (1 - BudgetHeadroom)));

    /// <summary>The org URL, ending in a slash.</summary>
    internal Uri OrgUrl => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    internal Uri AuthorityUrl => new(Authority.EndsWith('/') ? Authority : Authority + "/");

    /// <summary>The token scope: the org URL + "/.default".</summary>
    internal string Scope => OrgUrl.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>The Web API root, {BaseUrl}api/data/v9.2/.</summary>
    internal Uri ApiUrl => new(new Uri(OrgUrl.GetLeftPart(UriPartial.Authority) + "/"), "api/data/v9.2/");

    private static string Trimmed(string? value) => value?.Trim() ?? string.Empty;
}
