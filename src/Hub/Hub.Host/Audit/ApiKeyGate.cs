namespace Hub.Host.Audit;

/// <summary>
/// Lets a request to the auditors' API (and its OpenAPI document) through only with a valid key in the
/// <c>X-Api-Key</c> header; otherwise answers 401 with a JSON problem body. The key is never logged.
/// </summary>
internal sealed class ApiKeyGate(RequestDelegate next, ApiKeyVerifier verifier)
{
    public const string Header = "X-Api-Key";

    /// <summary>Every path under /api and /openapi needs the key, whatever is (or is not) mapped there.</summary>
    public static bool Guards(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (verifier.Accepts(context.Request.Headers[Header].ToString()))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key missing or wrong",
                detail: verifier.HasKeys
                    ? $"Send a valid key in the {Header} header."
                    : $"No API keys are configured; an administrator adds key hashes to {ApiOptions.Section}:ApiKeyHashes (see `hub apikey`).")
            .ExecuteAsync(context);
    }
}
