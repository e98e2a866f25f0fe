using Microsoft.AspNetCore.Http.Features;

namespace Hub.Host.Webhooks;

/// <summary>
/// A webhook's body, never more than its limit: the server is told the limit before anything is read (Kestrel then
/// refuses a larger Content-Length and stops a chunked body at the limit), and the read itself stops one byte past
/// it, whatever server runs the hub.
/// </summary>
internal static class WebhookBody
{
    /// <summary>Tells the server the most this request's body may hold, before any of it is read.</summary>
    public static void Limit(HttpContext context, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cap = maxBytes + 1; // one byte past the limit tells a body at the limit from a longer one
        var buffer = new byte[(int)Math.Min(cap, (request.ContentLength ?? 4096) + 1)];
        var length = 0;
        try
        {
            while (length < cap)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, Math.Min(cap, buffer.Length * 2));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return buffer[..length];
                }

                length += read;
            }
        }
        catch (BadHttpRequestException refused) when (refused.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null; // the server's own limit (set in Limit) stopped the read
        }

        return null;
    }
}
