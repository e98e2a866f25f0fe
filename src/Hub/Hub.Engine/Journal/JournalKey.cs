using System.Security.Cryptography;

namespace Hub.Engine.Journal;

/// <summary>
/// A secret the hub signs its journal with (HMAC-SHA256), kept outside the database. Only its <see cref="Id"/> (the
/// first 8 bytes of the key's SHA-256) is ever stored or shown; the key itself never leaves this object.
/// </summary>
public sealed class JournalKey
{
    /// <summary>Fewer bytes than this are refused: 32 random bytes is what HMAC-SHA256 is made for.</summary>
    public const int MinimumBytes = 32;

    private readonly byte[] secret;

    public JournalKey(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumBytes)
        {
            throw new ArgumentException($"A journal key needs at least {MinimumBytes} bytes.", nameof(secret));
        }

        this.secret = secret.ToArray();
        Id = Convert.ToHexStringLower(SHA256.HashData(secret)[..8]);
    }

    /// <summary>Names the key in entries, verified heads and messages (16 hex digits); says nothing of the key.</summary>
    public string Id { get; }

    public string Sign(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, data));

    public override string ToString() => $"journal key {Id}";
}
