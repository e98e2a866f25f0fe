using System.Text;
using Hub.Engine.Journey;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;

namespace Hub.Host.Audit;

/// <summary>
/// The reporter's page at /journey/{token}: one complaint's milestones, rendered on the hub (no script), for a
/// reporter who cannot see the service desk's portal. No API key: the token is the permission. A token that does not
/// verify, names no case, or arrives while links are off answers 404; an expired one 410; neither says more.
/// </summary>
internal static class ReporterPage
{
    // Only its own stylesheet; no script, no connections, no forms, not framed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Where a token goes, relative to the site (so a BaseUrl with a path of its own keeps it).</summary>
    public const string RelativePath = "journey/";

    public static void Map(IEndpointRouteBuilder app)
    {
        var journey = app.MapGroup("/journey").ExcludeFromDescription();
        journey.MapGet("/assets/reporter.css", () => new EmbeddedAsset("reporter.css", "text/css; charset=utf-8", ContentSecurityPolicy));
        journey.MapGet("/{token}", ShowAsync);
    }

    private static async Task<IResult> ShowAsync(
        string token, ReporterLinks links, HubDatabase database, TimeProvider time, IConfiguration configuration, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var check = links.Token?.Check(token, time.GetUtcNow()) ?? ReporterLinkCheck.Invalid;
        var map = JourneyApi.MappingsOf(services);
        if (check.State == ReporterLinkState.Expired)
        {
            return new Page(StatusCodes.Status410Gone, ReporterPageHtml.Gone(ReporterWords.For(null), expired: true));
        }

        JourneyView? journey = null;
        if (check is { State: ReporterLinkState.Valid, CaseId: { } caseId })
        {
            var db = database.CreateContext();
            await using (db)
            {
                journey = await JourneyReader.LoadAsync(db, caseId, map, time.GetUtcNow(), cancellationToken);
            }
        }

        if (journey is null)
        {
            return new Page(StatusCodes.Status404NotFound, ReporterPageHtml.Gone(ReporterWords.For(null), expired: false));
        }

        var words = ReporterWords.For(map.LanguageOf(journey.OriginSystem));
        return new Page(StatusCodes.Status200OK, ReporterPageHtml.Journey(journey, words, ZoneOf(configuration), check.ExpiresAt!.Value));
    }

    /// <summary>The hub's zone (Hub:Sync:TimeZone) for the times a reporter reads; UTC if it cannot be read (the start refuses that anyway).</summary>
    private static TimeZoneInfo ZoneOf(IConfiguration configuration)
    {
        var sync = configuration.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
        return TimeZoneInfo.TryFindSystemTimeZoneById(sync.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private sealed class Page(int status, string html) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            PageHeaders.Apply(response, ContentSecurityPolicy);
            response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            var body = Encoding.UTF8.GetBytes(html);
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
