namespace Hub.Engine.Journal;

/// <summary>
/// The journal keys this hub holds: the one it signs new entries with, and retired ones it only verifies with (entries
/// written before a rotation). Without keys the chain is plain SHA-256 and proves order and completeness only.
/// </summary>
public sealed class JournalKeyRing
{
    private readonly Dictionary<string, JournalKey> byId;

    public JournalKeyRing(JournalKey? signing, IEnumerable<JournalKey>? retired = null)
    {
        Signing = signing;
        byId = new Dictionary<string, JournalKey>(StringComparer.Ordinal);
        foreach (var key in (retired ?? []).Prepend(signing).OfType<JournalKey>())
        {
            byId.TryAdd(key.Id, key);
        }
    }

    /// <summary>No key: today's unkeyed chain.</summary>
    public static JournalKeyRing None { get; } = new(null);

    /// <summary>The key new entries and verified heads are signed with; null when no key is configured.</summary>
    public JournalKey? Signing { get; }

    public bool IsKeyed => Signing is not null;

    /// <summary>The key with this id, signing or retired; null when this hub does not hold it.</summary>
    public JournalKey? Find(string keyId) => byId.GetValueOrDefault(keyId);
}
