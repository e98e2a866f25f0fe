using System.Text.Json;

namespace Hub.Engine.Sync;

/// <summary>
/// What the hub knows of one linked record, kept in the link (<c>LastWrittenFingerprint</c>): the fingerprint of each
/// field as last read from the record (<see cref="RecordView"/>), and the fields the hub has written to it since it
/// last read back its own write. A snapshot the hub's own account modified last is an echo for the fields the hub
/// wrote; any other field that differs from the last reading was changed by someone else just before the hub's write
/// hid it, and is taken up as their change.
/// </summary>
public sealed class RecordMemory
{
    private RecordMemory(Dictionary<string, string> seen, HashSet<string> written)
    {
        Seen = seen;
        Written = written;
    }

    public Dictionary<string, string> Seen { get; }

    public HashSet<string> Written { get; }

    public static RecordMemory Parse(string? json)
    {
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<Stored>(json, SyncJson.Options);
                if (stored is not null)
                {
                    return new RecordMemory(
                        new Dictionary<string, string>(stored.Seen ?? [], StringComparer.Ordinal),
                        new HashSet<string>(stored.Written ?? [], StringComparer.Ordinal));
                }
            }
            catch (JsonException)
            {
                // A value from before the hub kept its memory this way: start from nothing, which treats the next
                // read-back of a hub write wholly as an echo, as the hub always did.
            }
        }

        return new RecordMemory(new Dictionary<string, string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(Seen, [.. Written.Order(StringComparer.Ordinal)]), SyncJson.Options);

    /// <summary>
    /// In a snapshot the hub's account modified last: the fields someone else changed (they differ from the last
    /// reading and the hub has not written them since). Fields never read before count as unchanged.
    /// </summary>
    public IReadOnlyList<string> ChangedByOthers(IReadOnlyDictionary<string, string> view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return [.. view
            .Where(kv => !Written.Contains(kv.Key) && Seen.TryGetValue(kv.Key, out var before) && before != kv.Value)
            .Select(kv => kv.Key)];
    }

    /// <summary>Remembers a reading; one that shows the hub's own write also settles what the hub had written.</summary>
    public void Read(IReadOnlyDictionary<string, string> view, bool showsHubWrite)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var (field, fingerprint) in view)
        {
            Seen[field] = fingerprint;
        }

        if (showsHubWrite)
        {
            Written.Clear();
        }
    }

    /// <summary>Notes the fields the hub is about to write, before it writes them.</summary>
    public void Writes(IEnumerable<string> fields) => Written.UnionWith(fields);

    private sealed record Stored(Dictionary<string, string>? Seen, List<string>? Written);
}
