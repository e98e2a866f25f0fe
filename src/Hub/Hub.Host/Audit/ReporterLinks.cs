using Microsoft.Extensions.Options;

namespace Hub.Host.Audit;

/// <summary>
/// The reporter-link settings in force and, when links are on, the token maker with the key read from its file once
/// (the key never leaves this object: not logged, not stored, not in health output).
/// </summary>
internal sealed class ReporterLinks(IOptions<ApiOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<ReporterLinkToken?> token = new(() =>
        options.Value.ReporterLinks is { Enabled: true } links ? new ReporterLinkToken(links.Key(environment.ContentRootPath)) : null);

    /// <summary>Null when reporter links are off (Hub:Api:ReporterLinks:Enabled false).</summary>
    public ReporterLinkToken? Token => token.Value;
}
