using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Model;

namespace Hub.Engine.Sync;

/// <summary>
/// What of a parked change, released after a mapping reload, the same record has said differently since. A field is
/// replaced when a later reading of the record reported another value for it (the link's <see cref="RecordMemory"/>
/// remembered the parked reading and every reading after it), or when the case holds a value the same system stamped
/// later than the parked change. Replaced fields are dropped, never played over the newer value; the rest of the
/// change (fields no later reading touched, and its comment: words said stay said) is taken up as usual.
/// </summary>
public static class ParkedSupersession
{
    public static IReadOnlyList<string> ReplacedFields(ObservedChange change, string system, RecordMemory? memory, FieldStamps stamps, DateTimeOffset stampedAt)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(stamps);
        return [.. RecordView.Of(change)
            .Where(kv => (memory is not null && memory.Seen.TryGetValue(kv.Key, out var latest) && latest != kv.Value)
                         || (stamps.Of(kv.Key) is { } stamp && string.Equals(stamp.System, system, StringComparison.OrdinalIgnoreCase) && stamp.At > stampedAt))
            .Select(kv => kv.Key)];
    }

    /// <summary>The fields the change still says once the replaced ones are dropped.</summary>
    public static IReadOnlyList<string> Remaining(ObservedChange change, IReadOnlyCollection<string> replaced) =>
        [.. RecordView.Of(change).Keys.Where(f => !replaced.Contains(f))];

    public static JournalLine SupersededLine(string caseId, string system, string record, ObservedChange change, CaseFields current, IReadOnlyList<string> replaced, bool wholly, string mappingVersion)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(replaced);
        var said = replaced.ToDictionary(f => f, f => change.RawValues.TryGetValue(f, out var raw) ? raw : CaseState.Describe(change.Fields, f));
        var now = replaced.ToDictionary(f => f, f => CaseState.Describe(current, f));
        return new JournalLine
        {
            CaseId = caseId, Kind = HubEvent.Superseded, Outcome = JournalOutcome.Discarded,
            SourceSystem = system, SourceRecord = record, MappingVersion = mappingVersion,
            Before = JsonSerializer.Serialize(said, SyncJson.Options), After = JsonSerializer.Serialize(now, SyncJson.Options),
            Detail = FormattableString.Invariant(
                $"parked change (version {change.Version}, {change.OccurredAt:O}) released with mapping {mappingVersion}: {string.Join(", ", replaced)} replaced by a later reading of the record; ")
                + (wholly ? "nothing left to take up, dropped" : "dropped, the rest is taken up"),
        };
    }
}
