using System.Security.Cryptography;
using System.Text;

namespace Hub.Host.Webhooks;

/// <summary>
/// Checks a webhook call: either header X-Hub-Secret equal to the system's WebhookSecret, or header
/// X-Hub-Signature-256 "sha256=&lt;hex HMAC-SHA256 of the body with the secret&gt;". Compared in constant time.
/// </summary>
internal static class WebhookSignature
{
    public const string SecretHeader = "X-Hub-Secret";
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static bool IsValid(string? secret, string? presentedSecret, string? presentedSignature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false; // no secret configured: webhooks for this system are off
        }

        var key = Encoding.UTF8.GetBytes(secret);
        if (!string.IsNullOrEmpty(presentedSecret))
        {
            return CryptographicOperations.FixedTimeEquals(key, Encoding.UTF8.GetBytes(presentedSecret));
        }

        if (presentedSignature is { } signature && signature.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(key, body)));
            return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature[7..].ToLowerInvariant()));
        }

        return false;
    }
}
