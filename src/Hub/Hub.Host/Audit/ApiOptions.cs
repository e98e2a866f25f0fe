namespace Hub.Host.Audit;

/// <summary>
/// Bound from <c>Hub:Api</c>. <see cref="Urls"/> is where the auditors' API and chain page listen (the host applies
/// it; default loopback only, http://127.0.0.1:5080). <see cref="ApiKeyHashes"/> holds the SHA-256 hex hashes of the
/// accepted keys (make one with <c>hub apikey hash</c>); with none configured every API request is refused.
/// </summary>
internal sealed class ApiOptions
{
    public const string Section = "Hub:Api";
    public string Urls { get; set; } = Configuration.ApiSettings.DefaultUrls;

    public IList<string> ApiKeyHashes { get; } = [];

    /// <summary>Hub:Api:OpenApi: serve the API's OpenAPI document at /openapi/v1.json (off by default; <see cref="AuditOpenApi"/>).</summary>
    public bool OpenApi { get; set; }

    /// <summary>Hub:Api:ReporterLinks: the reporter's read-only milestone link, off by default.</summary>
    public ReporterLinkOptions ReporterLinks { get; set; } = new();
}
