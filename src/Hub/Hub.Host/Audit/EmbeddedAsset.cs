using System.Reflection;

namespace Hub.Host.Audit;

/// <summary>
/// A page or asset embedded in the hub binary (Audit/ChainPage/*), served with the security headers its page needs:
/// the given Content-Security-Policy, no sniffing, no referrer, no caching.
/// </summary>
internal sealed class EmbeddedAsset(string name, string contentType, string contentSecurityPolicy) : IResult
{
    private const string ResourcePrefix = "Hub.Host.ChainPage.";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The page resource {name} is missing from the hub binary.");
        await using (stream)
        {
            PageHeaders.Apply(httpContext.Response, contentSecurityPolicy);
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = stream.Length;
            await stream.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
