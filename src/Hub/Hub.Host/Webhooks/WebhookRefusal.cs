using System.Globalization;

namespace Hub.Host.Webhooks;

/// <summary>
/// Why a webhook call was refused: the answer the caller gets (status and problem detail) and the reason the log
/// gets. Neither ever holds a secret or a signature. Whatever could tell a prober which systems exist or how a
/// signature failed gets the same answer (<see cref="NotSignedAnswer"/>); the log says which it was.
/// </summary>
internal sealed record WebhookRefusal(int StatusCode, string Detail, string Reason)
{
    public const string NotSignedAnswer = "Missing or wrong webhook signature.";

    public static WebhookRefusal TooLarge(int limit, long contentLength) => new(StatusCodes.Status413PayloadTooLarge, LargerThan(limit),
        string.Create(CultureInfo.InvariantCulture, $"too large: Content-Length {contentLength} is over the limit of {limit} bytes (nothing read)"));

    public static WebhookRefusal TooLargeWhileReading(int limit) => new(StatusCodes.Status413PayloadTooLarge, LargerThan(limit),
        string.Create(CultureInfo.InvariantCulture, $"too large: the body went over the limit of {limit} bytes while it was read (read no further)"));

    public static WebhookRefusal NotSigned { get; } = Unauthorized(
        $"not signed: neither {WebhookSignature.SignatureHeader} nor {WebhookSignature.SecretHeader}");

    public static WebhookRefusal MalformedTimestamp { get; } = new(StatusCodes.Status401Unauthorized,
        $"{WebhookSignature.TimestampHeader} is missing or not whole Unix seconds.",
        $"no timestamp: {WebhookSignature.TimestampHeader} is missing or not whole Unix seconds");

    public static WebhookRefusal MalformedSignature { get; } = Unauthorized(
        $"wrong signature: {WebhookSignature.SignatureHeader} is not sha256= and 64 hex digits");

    public static WebhookRefusal WrongSignature { get; } = Unauthorized("wrong signature");

    public static WebhookRefusal NoWebhook { get; } = Unauthorized("no such system, or its webhook is off (it has no WebhookSecret); the body was not read");

    public static WebhookRefusal WrongSecret { get; } = Unauthorized($"wrong secret in {WebhookSignature.SecretHeader}");

    public static WebhookRefusal Replayed { get; } = new(StatusCodes.Status401Unauthorized,
        $"This signed call was received before; sign each call anew with a fresh {WebhookSignature.TimestampHeader}.",
        "replay: a call with this signature was already taken in");

    public static WebhookRefusal TooMany { get; } = new(StatusCodes.Status429TooManyRequests,
        "Too many signed webhook calls within a few minutes; the next poll takes in the change.",
        string.Create(CultureInfo.InvariantCulture, $"too many: {WebhookReplayGuard.Capacity} signed calls are remembered against replay already"));

    public static WebhookRefusal Stale(DateTimeOffset timestamp, DateTimeOffset now) => new(StatusCodes.Status401Unauthorized,
        string.Create(CultureInfo.InvariantCulture,
            $"{WebhookSignature.TimestampHeader} too old or in the future: it must be within {WebhookSignature.Tolerance.TotalMinutes:0} minutes of the hub's clock."),
        string.Create(CultureInfo.InvariantCulture,
            $"stale timestamp: signed for {timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, the hub's clock says {now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} (allowed: {WebhookSignature.Tolerance.TotalMinutes:0} minutes either way)"));

    public static WebhookRefusal SecretHeaderNotAllowed(string optInKey) => Unauthorized(
        $"{WebhookSignature.SecretHeader} is not allowed for this system: sign the call with {WebhookSignature.SignatureHeader}, or set {optInKey}=true for a sender that cannot");

    public IResult ToResult() => Results.Problem(title: Title(StatusCode), detail: Detail, statusCode: StatusCode);

    private static WebhookRefusal Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, NotSignedAnswer, reason);

    private static string LargerThan(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"The body is larger than the {limit} bytes this webhook takes in.");

    private static string Title(int statusCode) => statusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
        StatusCodes.Status429TooManyRequests => "Too Many Requests",
        _ => "Unauthorized",
    };
}
