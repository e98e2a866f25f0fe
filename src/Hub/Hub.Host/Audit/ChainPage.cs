namespace Hub.Host.Audit;

/// <summary>
/// The chain page: one complaint's journey across the organisations, in the browser. Plain HTML, JavaScript and
/// CSS embedded in the hub binary (nothing to build or install); the page reads the auditors' API with the key the
/// user enters once (kept in sessionStorage). Served at /chain/{caseId} and /chain?ref=….
/// </summary>
internal static class ChainPage
{
    // The page runs only its own script and style, talks only to this hub, and cannot be framed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        var chain = app.MapGroup("/chain").ExcludeFromDescription();
        chain.MapGet("/", () => Asset("chain.html", "text/html; charset=utf-8"));
        chain.MapGet("/{caseId}", () => Asset("chain.html", "text/html; charset=utf-8"));
        chain.MapGet("/assets/chain.js", () => Asset("chain.js", "text/javascript; charset=utf-8"));
        chain.MapGet("/assets/chain.css", () => Asset("chain.css", "text/css; charset=utf-8"));
    }

    private static EmbeddedAsset Asset(string name, string contentType) => new(name, contentType, ContentSecurityPolicy);
}
