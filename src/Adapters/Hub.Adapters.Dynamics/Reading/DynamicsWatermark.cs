using System.Text.Json;

namespace Hub.Adapters.Dynamics.Reading;

/// <summary>
/// Where reading stands, stored by the engine as the system's watermark (so it survives restarts): the delta link of
/// change tracking (or the next page of a read in progress), the <c>modifiedon</c> mark when polling instead, and the
/// mark and next page of notes.
/// </summary>
internal sealed record DynamicsWatermark
{
    /// <summary>"track" (change tracking with delta links) or "poll" (<c>modifiedon</c> polling).</summary>
    public string Mode { get; init; } = TrackMode;

    /// <summary>In poll mode after an expired delta token: go back to change tracking once caught up.</summary>
    public bool ResumeTracking { get; init; }

    /// <summary>The next page of the case read in progress, or (track mode, read finished) the delta link.</summary>
    public string? CaseLink { get; init; }

    /// <summary>True while <see cref="CaseLink"/> is a next page rather than a delta link.</summary>
    public bool CasePaging { get; init; }

    public DateTimeOffset? CasesSince { get; init; }
    public DateTimeOffset? CasesHigh { get; init; }

    /// <summary>
    /// While the initial change-tracking read runs (it returns every row; <c>$filter</c> is refused with change
    /// tracking), rows last modified before this are left out: older than the first poll's lookback, or already read
    /// by polling before tracking resumed. Cleared once the read has its delta link.
    /// </summary>
    public DateTimeOffset? InitialReadFrom { get; init; }

    public string? NoteLink { get; init; }
    public DateTimeOffset? NotesSince { get; init; }
    public DateTimeOffset? NotesHigh { get; init; }

    public const string TrackMode = "track";
    public const string PollMode = "poll";

    /// <summary>
    /// The stored watermark; none means the org's first poll, which takes only what changed since
    /// <paramref name="firstPollFrom"/> (now minus the lookback): through change tracking's initial read, by polling
    /// when the table does not track changes, and for notes.
    /// </summary>
    public static DynamicsWatermark Parse(string? text, DateTimeOffset firstPollFrom)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DynamicsWatermark
            {
                InitialReadFrom = firstPollFrom,
                CasesSince = firstPollFrom,
                CasesHigh = firstPollFrom, // an expired delta token later polls from here at the earliest, not from the start
                NotesSince = firstPollFrom,
            };
        }

        try
        {
            return JsonSerializer.Deserialize<DynamicsWatermark>(text) ?? new DynamicsWatermark();
        }
        catch (JsonException)
        {
            return new DynamicsWatermark(); // unreadable: start over with a full read; the inbox drops what was seen
        }
    }

    public override string ToString() => JsonSerializer.Serialize(this);

    public static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
