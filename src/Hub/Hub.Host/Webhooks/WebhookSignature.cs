using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Host.Webhooks;

/// <summary>
/// How a webhook call proves it comes from the system: header X-Hub-Timestamp (Unix seconds) and header
/// X-Hub-Signature-256 "sha256=&lt;hex&gt;", the HMAC-SHA256 with the system's secret of "&lt;timestamp&gt;.&lt;body&gt;".
/// The timestamp must be within <see cref="Tolerance"/> of the hub's clock. A sender that cannot compute an HMAC may,
/// when the admin allows it, send the secret itself in X-Hub-Secret. Every comparison is over fixed-length digests
/// in constant time.
/// </summary>
internal static class WebhookSignature
{
    public const string TimestampHeader = "X-Hub-Timestamp";
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string SecretHeader = "X-Hub-Secret";

    /// <summary>How far a call's timestamp may be from the hub's clock, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string Scheme = "sha256=";

    /// <summary>The 32 bytes of a well-formed "sha256=&lt;64 hex digits&gt;" header; null for anything else.</summary>
    public static byte[]? ParseSignature(string? header)
    {
        if (header is null || header.Length != Scheme.Length + (2 * HMACSHA256.HashSizeInBytes)
            || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hex = header.AsSpan(Scheme.Length);
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return Convert.FromHexString(hex);
    }

    /// <summary>The instant of a well-formed X-Hub-Timestamp (whole Unix seconds, at most 11 digits); null for anything else.</summary>
    public static DateTimeOffset? ParseTimestamp(string? header)
    {
        if (header is null || header.Length is 0 or > 11
            || !long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>True when the timestamp is within <see cref="Tolerance"/> of now, before or after.</summary>
    public static bool IsFresh(DateTimeOffset timestamp, DateTimeOffset now) => (now - timestamp).Duration() <= Tolerance;

    /// <summary>The signature a sender holding <paramref name="secret"/> computes for this timestamp header and body.</summary>
    public static byte[] Compute(string secret, string timestampHeader, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestampHeader);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestampHeader + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>True when the presented 32 bytes are the signature of this timestamp header and body; constant time.</summary>
    public static bool Matches(string secret, string timestampHeader, ReadOnlySpan<byte> body, ReadOnlySpan<byte> presented) =>
        CryptographicOperations.FixedTimeEquals(Compute(secret, timestampHeader, body), presented);

    /// <summary>
    /// True when X-Hub-Secret holds the secret. Both are hashed first, so the comparison is over two 32-byte digests
    /// in constant time and says nothing about the secret's length.
    /// </summary>
    public static bool SecretMatches(string secret, string presented)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(presented);
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
