using System.Security.Cryptography;
using System.Text;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Name-based UUIDs, version 5 (RFC 9562 section 5.5, formerly RFC 4122 section 4.3): the same namespace and name give
/// the same id everywhere and always, so an id derived from an outbox command is the same on every attempt.
/// </summary>
public static class NameBasedUuid
{
    public static Guid Version5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> input = stackalloc byte[16];
        WriteBigEndian(namespaceId, input);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // RFC 9562 defines version 5 over SHA-1; the id is a name, not a secret or a signature.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant 10xx
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static void WriteBigEndian(Guid id, Span<byte> destination)
    {
        if (!id.TryWriteBytes(destination, bigEndian: true, out _))
        {
            throw new InvalidOperationException("A UUID takes 16 bytes.");
        }
    }
}
