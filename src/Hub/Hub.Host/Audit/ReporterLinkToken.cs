using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Host.Audit;

/// <summary>
/// A reporter's link token: <c>base64url(caseId "|" expiry-unix-seconds) "." base64url(HMAC-SHA256)</c>, the HMAC keyed
/// with the reporter-link key over a purpose label and that payload. Unguessable without the key, tamper-evident,
/// and self-expiring; nothing is stored per link. A token that does not verify is <see cref="ReporterLinkState.Invalid"/>
/// whatever it says (its expiry is only believed once its HMAC is right).
/// </summary>
internal sealed class ReporterLinkToken(byte[] key)
{
    private const int MaximumLength = 512;
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("hub reporter link v1\n");

    public string Issue(string caseId, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{caseId}|{expiresAt.ToUnixTimeSeconds()}"));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Mac(payload))}";
    }

    public ReporterLinkCheck Check(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaximumLength || token.Split('.') is not [var payloadText, var macText])
        {
            return ReporterLinkCheck.Invalid;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(payloadText);
            mac = Base64Url.DecodeFromChars(macText);
        }
        catch (FormatException)
        {
            return ReporterLinkCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
        {
            return ReporterLinkCheck.Invalid;
        }

        var text = Encoding.UTF8.GetString(payload);
        var bar = text.LastIndexOf('|');
        if (bar <= 0 || !long.TryParse(text.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return ReporterLinkCheck.Invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new ReporterLinkCheck(now < expiresAt ? ReporterLinkState.Valid : ReporterLinkState.Expired, text[..bar], expiresAt);
    }

    private byte[] Mac(byte[] payload)
    {
        using var hmac = new HMACSHA256(key);
        hmac.TransformBlock(Purpose, 0, Purpose.Length, null, 0);
        hmac.TransformFinalBlock(payload, 0, payload.Length);
        return hmac.Hash!;
    }
}

/// <summary>What a token came to: the case it names and its expiry, believed only when not <see cref="ReporterLinkState.Invalid"/>.</summary>
internal sealed record ReporterLinkCheck(ReporterLinkState State, string? CaseId, DateTimeOffset? ExpiresAt)
{
    public static ReporterLinkCheck Invalid { get; } = new(ReporterLinkState.Invalid, null, null);
}

internal enum ReporterLinkState
{
    Invalid,
    Valid,
    Expired,
}
