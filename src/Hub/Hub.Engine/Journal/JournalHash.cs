using Hub.Abstractions.Mapping;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Engine.Persistence;

namespace Hub.Engine.Journal;

/// <summary>The hash of one journal entry: SHA-256 over its fields and the hash of the entry before it.</summary>
public static class JournalHash
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string?[] fields =
        [
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.CaseId, entry.Kind, entry.SourceSystem, entry.SourceRecord, entry.TargetSystem, entry.TargetRecord,
            entry.Before, entry.After, entry.MappingVersion, entry.Outcome,
            entry.Attempt.ToString(CultureInfo.InvariantCulture), entry.Error, entry.Detail, entry.PreviousHash,
        ];

        // A JSON array keeps field boundaries unambiguous ("a","bc" ≠ "ab","c") and nulls distinct from "".
        var bytes = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    internal static string Short(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
