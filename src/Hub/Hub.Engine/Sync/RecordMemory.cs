using System.Text.Json;

namespace Hub.Engine.Sync;

/// <summary>
/// What the hub knows of one linked record, kept in the link (<c>LastWrittenFingerprint</c>): the fingerprint of each
/// field as last read from the record (<see cref="RecordView"/>), and the fields the hub has written to it since it
/// last read back its own write. A snapshot the hub's own account modified last is an echo for the fields the hub
/// wrote; any other field that differs from the last reading was changed by someone else just before the hub's write
/// hid it, and is taken up as their change.
/// </summary>
/// <remarks>
/// A written field is settled (no longer the hub's) only by a reading that shows this write: its value is the one the
/// hub wrote (<see cref="WriteNote.Value"/>), or the record was modified at or after the hub noted the write
/// (<see cref="WriteNote.At"/>, for a value the system keeps in another form). A reading taken before the write landed
/// and taken in after the note (an earlier write's read-back, another node's slower poll) shows the earlier value with
/// the hub's account as modifier: it must not settle the note, or this write's own read-back looks like someone else's
/// change (the three-node chain test saw a building manager "reopen" a case the hub itself had set to "Scheduled").
/// A reading older than the newest one taken in (<see cref="ModifiedAt"/>) says nothing new: it is neither remembered
/// nor searched for changes by others (it would find the newer reading's values "changed back" by someone).
/// </remarks>
public sealed class RecordMemory
{
    private RecordMemory(Dictionary<string, string> seen, Dictionary<string, WriteNote> written, DateTimeOffset? modifiedAt)
    {
        Seen = seen;
        Written = written;
        ModifiedAt = modifiedAt;
    }

    public Dictionary<string, string> Seen { get; }

    /// <summary>When the record was modified as of the newest reading taken in (null before the hub kept it).</summary>
    public DateTimeOffset? ModifiedAt { get; private set; }

    /// <summary>The fields the hub is writing or has written and not yet read back, each with what its read-back shows.</summary>
    public Dictionary<string, WriteNote> Written { get; }

    /// <summary>What a written field's read-back shows: the value's fingerprint the hub wrote, and when (the hub's clock) it noted the write.</summary>
    public sealed record WriteNote(string? Value, DateTimeOffset? At);

    public static RecordMemory Parse(string? json)
    {
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<Stored>(json, SyncJson.Options);
                if (stored is not null)
                {
                    var notes = stored.Notes ?? [];
                    var written = new Dictionary<string, WriteNote>(StringComparer.Ordinal);
                    foreach (var field in stored.Written ?? [])
                    {
                        // A note from before the hub kept what it wrote has neither: any reading of a hub write settles it, as then.
                        written[field] = notes.TryGetValue(field, out var note) ? note : new WriteNote(null, null);
                    }

                    return new RecordMemory(new Dictionary<string, string>(stored.Seen ?? [], StringComparer.Ordinal), written, stored.ModifiedAt);
                }
            }
            catch (JsonException)
            {
                // A value from before the hub kept its memory this way: start from nothing, which treats the next
                // read-back of a hub write wholly as an echo, as the hub always did.
            }
        }

        return new RecordMemory(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, WriteNote>(StringComparer.Ordinal), modifiedAt: null);
    }

    /// <summary>
    /// The stored form: <c>written</c> stays the list of field names a node of an earlier version reads (it settles them
    /// on any read-back, as it always did); <c>notes</c> adds what each write's read-back shows.
    /// </summary>
    public string ToJson()
    {
        var fields = Written.Keys.Order(StringComparer.Ordinal).ToList();
        var notes = fields.Where(f => Written[f] is { Value: not null } or { At: not null })
            .ToDictionary(f => f, f => Written[f], StringComparer.Ordinal);
        return JsonSerializer.Serialize(new Stored(Seen, fields, notes.Count == 0 ? null : notes, ModifiedAt), SyncJson.Options);
    }

    /// <summary>
    /// In a snapshot the hub's account modified last, at <paramref name="modifiedAt"/>: the fields someone else changed
    /// (they differ from the last reading and the hub has not written them since). Fields never read before count as
    /// unchanged; a snapshot older than the newest reading has none.
    /// </summary>
    public IReadOnlyList<string> ChangedByOthers(IReadOnlyDictionary<string, string> view, DateTimeOffset modifiedAt)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (OlderThanNewest(modifiedAt))
        {
            return [];
        }

        return [.. view
            .Where(kv => !Written.ContainsKey(kv.Key) && Seen.TryGetValue(kv.Key, out var before) && before != kv.Value)
            .Select(kv => kv.Key)];
    }

    /// <summary>
    /// Remembers a reading of the record as modified at <paramref name="modifiedAt"/>; one that shows the hub's own
    /// write settles each written field it shows landed (see the remarks on the type).
    /// </summary>
    public void Read(IReadOnlyDictionary<string, string> view, bool showsHubWrite, DateTimeOffset modifiedAt)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (OlderThanNewest(modifiedAt))
        {
            return;
        }

        ModifiedAt = modifiedAt;
        foreach (var (field, fingerprint) in view)
        {
            Seen[field] = fingerprint;
        }

        if (showsHubWrite)
        {
            foreach (var field in Written.Where(kv => Landed(kv.Value, view.GetValueOrDefault(kv.Key), modifiedAt)).Select(kv => kv.Key).ToList())
            {
                Written.Remove(field);
            }
        }
    }

    /// <summary>Notes the fields the hub is about to write (each with the fingerprint of the value it writes, where it has one), before it writes them.</summary>
    public void Writes(IReadOnlyDictionary<string, string?> fields, DateTimeOffset notedAt)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var (field, value) in fields)
        {
            Written[field] = new WriteNote(value, notedAt);
        }
    }

    private bool OlderThanNewest(DateTimeOffset modifiedAt) => ModifiedAt is { } newest && modifiedAt < newest;

    private static bool Landed(WriteNote note, string? shown, DateTimeOffset modifiedAt) =>
        (note.Value is null && note.At is null)
        || (note.Value is not null && note.Value == shown)
        || (note.At is { } at && modifiedAt >= at);

    private sealed record Stored(Dictionary<string, string>? Seen, List<string>? Written, Dictionary<string, WriteNote>? Notes, DateTimeOffset? ModifiedAt);
}
