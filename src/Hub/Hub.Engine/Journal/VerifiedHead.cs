using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Engine.Journal;

/// <summary>
/// The head of a chain the hub found intact: entry <see cref="Sequence"/> had <see cref="Hash"/> at
/// <see cref="VerifiedAt"/>. With a journal key it is sealed (HMAC-SHA256), so a head kept in the database, a head file
/// or a log cannot be forged without the key. One JSON line (<see cref="ToLine"/>) is how it is shipped and kept.
/// </summary>
public sealed record VerifiedHead(
    long Sequence,
    string Hash,
    DateTimeOffset VerifiedAt,
    string? KeyId = null,
    string? Seal = null)
{
    private static readonly JsonSerializerOptions Line = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The head as found now, sealed with the signing key when the hub has one.</summary>
    public static VerifiedHead Create(long sequence, string hash, DateTimeOffset verifiedAt, JournalKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var head = new VerifiedHead(sequence, hash, verifiedAt, keys.Signing?.Id);
        return keys.Signing is { } key ? head with { Seal = key.Sign(head.SealedBytes()) } : head;
    }

    /// <summary>Whether <see cref="Seal"/> is this head's HMAC under <paramref name="key"/>.</summary>
    public bool IsSealedBy(JournalKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Seal is not null && string.Equals(KeyId, key.Id, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Sign(SealedBytes())), Encoding.ASCII.GetBytes(Seal));
    }

    /// <summary>One line of JSON: <c>{"sequence":140,"hash":"…","verifiedAt":"…","keyId":"…","seal":"…"}</c>.</summary>
    public string ToLine() => JsonSerializer.Serialize(this, Line);

    /// <summary>Reads a line <see cref="ToLine"/> wrote; null when it is not one.</summary>
    public static VerifiedHead? FromLine(string line)
    {
        try
        {
            var head = JsonSerializer.Deserialize<VerifiedHead>(line, Line);
            return head is { Sequence: > 0, Hash.Length: > 0 } ? head : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private byte[] SealedBytes() => JsonSerializer.SerializeToUtf8Bytes<string?[]>(
    [
        "hub verified journal head",
        Sequence.ToString(CultureInfo.InvariantCulture),
        Hash,
        VerifiedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        KeyId,
    ]);
}
