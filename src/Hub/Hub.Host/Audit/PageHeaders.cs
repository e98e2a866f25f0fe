namespace Hub.Host.Audit;

/// <summary>The headers every page the hub serves to a browser carries (chain page, reporter's page, their assets).</summary>
internal static class PageHeaders
{
    public static void Apply(HttpResponse response, string contentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
