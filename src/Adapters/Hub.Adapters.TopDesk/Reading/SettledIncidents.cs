using System.Security.Cryptography;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>
/// The incidents whose progress entries the hub has read and taken in as they are now, so that the overlap of later
/// polls lists their snapshot again (that costs nothing: it is on the page) but not their progress entries (one call
/// per incident). An incident counts as settled when all three hold:
/// <list type="number">
/// <item>its snapshot version, modification date plus a hash of what the hub reads (<see cref="SnapshotVersion"/>), is
/// the one it had when its entries were read: any change TOPdesk stamps with another second, or that changes a field
/// the hub reads, makes it new again;</item>
/// <item>TOPdesk's own clock (the Date of its answer, or a later modification on the page) was at least
/// <see cref="SettleTime"/> past that modification's second when its entries were read, so no change in that same
/// second, with that same modification date, can have come after the read;</item>
/// <item>the engine took that read in: what a read found settled is only proposed, under the watermark the read
/// returned, and kept when the next read starts from that watermark (the engine stores it only after every change of
/// the batch was taken in or set aside). A read that failed, or a watermark stored by another node, drops the
/// proposal and those incidents are read in full again.</item>
/// </list>
/// Kept in the process, not in the adapter state store (which is written outside the engine's transaction, so it
/// could claim a read the engine never took in): after a restart the first poll reads the whole overlap as before,
/// which loses nothing. Entries modified before the overlap's start are dropped, so the memory is as large as the
/// incidents changed within one overlap.
/// </summary>
internal sealed class SettledIncidents
{
    /// <summary>
    /// How far TOPdesk's clock (in whole seconds) must be past the start of an incident's modification second before
    /// the entries read count as complete: one second past its end, for a change of that second that becomes visible late.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>Starts the last part of a watermark that marks one read's proposal ("|~" and a random tag).</summary>
    public const string MarkSeparator = "|~";

    private readonly Lock gate = new();
    private readonly Dictionary<string, SettledIncident> settled = new(StringComparer.OrdinalIgnoreCase);
    private Proposal? proposed;

    /// <summary>
    /// At the start of a read: keeps what the previous read proposed when the engine stored the watermark it returned,
    /// and forgets incidents modified before <paramref name="since"/> (the overlap no longer lists them).
    /// </summary>
    public void StartRead(string? storedWatermark, DateTimeOffset since)
    {
        lock (gate)
        {
            if (proposed is { } proposal && string.Equals(proposal.Watermark, storedWatermark, StringComparison.Ordinal))
            {
                foreach (var incident in proposal.Incidents)
                {
                    settled[incident.Id] = incident;
                }
            }

            proposed = null;
            foreach (var old in settled.Values.Where(s => s.Modified < since).ToList())
            {
                settled.Remove(old.Id);
            }
        }
    }

    /// <summary>Whether the incident's progress entries were read and taken in at this very snapshot version.</summary>
    public bool IsSettled(string id, string version)
    {
        lock (gate)
        {
            return settled.TryGetValue(id, out var incident) && string.Equals(incident.Version, version, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Whether a read made when TOPdesk's clock stood at least at <paramref name="clock"/> saw every change of an
    /// incident modified at <paramref name="modified"/> (TOPdesk stamps whole seconds).
    /// </summary>
    public static bool ReadAfterSettling(DateTimeOffset modified, DateTimeOffset? clock) =>
        clock is { } now && ToSecond(now) >= ToSecond(modified) + SettleTime;

    /// <summary>
    /// Proposes what this read found settled; returns the watermark to give the engine, marked as this read's when
    /// anything was proposed (so that the same watermark stored by an earlier read is not taken for this one's).
    /// </summary>
    public string Propose(string watermark, IReadOnlyCollection<SettledIncident> incidents)
    {
        if (incidents.Count == 0)
        {
            return watermark;
        }

        var marked = watermark + MarkSeparator + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        lock (gate)
        {
            proposed = new Proposal(marked, [.. incidents]);
        }

        return marked;
    }

    /// <summary>The watermark without a read's mark.</summary>
    public static string? Unmarked(string? watermark)
    {
        var mark = watermark?.LastIndexOf(MarkSeparator, StringComparison.Ordinal) ?? -1;
        return mark < 0 ? watermark : watermark![..mark];
    }

    private static DateTimeOffset ToSecond(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private sealed record Proposal(string Watermark, List<SettledIncident> Incidents);
}

/// <summary>An incident whose progress entries were read at this snapshot version (modified at <see cref="Modified"/>).</summary>
internal sealed record SettledIncident(string Id, string Version, DateTimeOffset Modified);
