using Hub.Host.Configuration;
using Microsoft.Extensions.Primitives;

namespace Hub.Host.Webhooks;

/// <summary>
/// Decides whether a webhook call may make the hub poll, reading as little as it can: the size and the headers are
/// checked before the body, an unknown system or a wrong plain secret is refused without reading the body, and only
/// a call whose signature could be right is read (never past the system's limit) and verified. The checks that come
/// before the system is looked up, and the single answer for everything after, tell a prober nothing about which
/// systems exist.
/// </summary>
internal sealed class WebhookGate(IReadOnlyList<SystemSettings> systems, WebhookReplayGuard replays, TimeProvider time)
{
    /// <summary>The system to poll and the body it sent (checked against its signature or secret), or why the call was refused.</summary>
    public sealed record Verdict(SystemSettings? System, WebhookRefusal? Refusal, byte[]? Body = null);

    public async Task<Verdict> CheckAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var system = systems.FirstOrDefault(s => s.Webhook is not null && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        var limit = system?.Webhook?.MaxBodyBytes ?? WebhookSettings.DefaultMaxBodyBytes;
        WebhookBody.Limit(context, limit);
        var request = context.Request;
        if (request.ContentLength is { } length && length > limit)
        {
            return Refuse(system, WebhookRefusal.TooLarge(limit, length));
        }

        if (request.Headers.ContainsKey(WebhookSignature.SignatureHeader))
        {
            return await CheckSignedAsync(request, system, limit, cancellationToken);
        }

        if (request.Headers.ContainsKey(WebhookSignature.SecretHeader))
        {
            return await CheckSecretAsync(request, system, limit, cancellationToken);
        }

        return Refuse(system, WebhookRefusal.NotSigned);
    }

    private async Task<Verdict> CheckSignedAsync(HttpRequest request, SystemSettings? system, int limit, CancellationToken cancellationToken)
    {
        var timestampHeader = Single(request.Headers[WebhookSignature.TimestampHeader]);
        if (WebhookSignature.ParseTimestamp(timestampHeader) is not { } timestamp)
        {
            return Refuse(system, WebhookRefusal.MalformedTimestamp);
        }

        var now = time.GetUtcNow();
        if (!WebhookSignature.IsFresh(timestamp, now))
        {
            return Refuse(system, WebhookRefusal.Stale(timestamp, now));
        }

        if (WebhookSignature.ParseSignature(Single(request.Headers[WebhookSignature.SignatureHeader])) is not { } presented)
        {
            return Refuse(system, WebhookRefusal.MalformedSignature);
        }

        if (system?.Webhook is not { } webhook)
        {
            return Refuse(system, WebhookRefusal.NoWebhook);
        }

        if (await WebhookBody.ReadAsync(request, limit, cancellationToken) is not { } body)
        {
            return Refuse(system, WebhookRefusal.TooLargeWhileReading(limit));
        }

        if (!WebhookSignature.Matches(webhook.Secret, timestampHeader!, body, presented))
        {
            return Refuse(system, WebhookRefusal.WrongSignature);
        }

        return replays.Remember(system.Name, presented, timestamp) switch
        {
            WebhookReplayGuard.Outcome.FirstUse => new Verdict(system, null, body),
            WebhookReplayGuard.Outcome.Replayed => Refuse(system, WebhookRefusal.Replayed),
            _ => Refuse(system, WebhookRefusal.TooMany),
        };
    }

    private static async Task<Verdict> CheckSecretAsync(HttpRequest request, SystemSettings? system, int limit, CancellationToken cancellationToken)
    {
        if (system?.Webhook is not { } webhook)
        {
            return Refuse(system, WebhookRefusal.NoWebhook);
        }

        if (!webhook.AllowSecretHeader)
        {
            return Refuse(system, WebhookRefusal.SecretHeaderNotAllowed($"{system.Section.Path}:{WebhookSettings.AllowSecretHeaderSetting}"));
        }

        if (!WebhookSignature.SecretMatches(webhook.Secret, Single(request.Headers[WebhookSignature.SecretHeader]) ?? string.Empty))
        {
            return Refuse(system, WebhookRefusal.WrongSecret);
        }

        // The limit holds for every call that is taken in; the body may name the record that changed.
        return await WebhookBody.ReadAsync(request, limit, cancellationToken) is { } body
            ? new Verdict(system, null, body)
            : Refuse(system, WebhookRefusal.TooLargeWhileReading(limit));
    }

    private static Verdict Refuse(SystemSettings? system, WebhookRefusal refusal) => new(system, refusal);

    /// <summary>The header's value when it was sent once; a header sent twice is as good as a wrong one.</summary>
    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;
}
