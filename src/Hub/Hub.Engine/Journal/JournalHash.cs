using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Engine.Persistence;

namespace Hub.Engine.Journal;

/// <summary>
/// The hash of one journal entry over its fields and the hash of the entry before it: SHA-256 for an entry written
/// without a journal key, HMAC-SHA256 with the key named in <see cref="JournalEntry.KeyId"/> for a signed one. Anyone
/// who can write the database can recompute a SHA-256; only a holder of the key can recompute an HMAC.
/// </summary>
public static class JournalHash
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The unkeyed hash (plain SHA-256), as every entry had before journal keys.</summary>
    public static string Compute(JournalEntry entry) => Compute(entry, key: null);

    /// <summary>Signs with <paramref name="key"/> (whose id must be the entry's <see cref="JournalEntry.KeyId"/>), or SHA-256 without one.</summary>
    public static string Compute(JournalEntry entry, JournalKey? key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!string.Equals(entry.KeyId, key?.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Entry {entry.Sequence} names key '{entry.KeyId}' but is hashed with '{key?.Id}'.", nameof(key));
        }

        var bytes = Canonical(entry);
        return key is null ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : key.Sign(bytes);
    }

    /// <summary>Whether the stored hash is the one the entry's fields give, compared in constant time.</summary>
    public static bool Matches(JournalEntry entry, JournalKey? key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(entry, key)), Encoding.ASCII.GetBytes(entry.Hash));
    }

    private static byte[] Canonical(JournalEntry entry)
    {
        List<string?> fields =
        [
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.CaseId, entry.Kind, entry.SourceSystem, entry.SourceRecord, entry.TargetSystem, entry.TargetRecord,
            entry.Before, entry.After, entry.MappingVersion, entry.Outcome,
            entry.Attempt.ToString(CultureInfo.InvariantCulture), entry.Error, entry.Detail, entry.PreviousHash,
        ];
        if (entry.KeyId is not null)
        {
            fields.Add(entry.KeyId); // a signed entry also binds the key it names; an unkeyed one encodes as it always did
        }

        // A JSON array keeps field boundaries unambiguous ("a","bc" ≠ "ab","c") and nulls distinct from "".
        return JsonSerializer.SerializeToUtf8Bytes(fields);
    }

    internal static string Short(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
