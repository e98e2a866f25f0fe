using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hub.Host.Audit;

/// <summary>
/// Accepts a presented API key when its SHA-256 equals one of the configured hashes. Every configured hash is
/// compared, each in constant time, so the answer takes the same time whichever key (if any) matches.
/// </summary>
internal sealed class ApiKeyVerifier(IOptions<ApiOptions> options)
{
    private readonly byte[][] hashes = [.. options.Value.ApiKeyHashes
        .Where(AuditOptionsValidation.IsSha256Hex)
        .Select(Convert.FromHexString)];

    public bool HasKeys => hashes.Length > 0;

    public bool Accepts(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        var accepted = false;
        foreach (var hash in hashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, presented);
        }

        return accepted;
    }
}
