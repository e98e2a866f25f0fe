namespace Hub.Benchmarks.Sync;

/// <summary>
/// The fewest API requests a tight client needs to carry the same complaints through the same life with the same
/// one-second polls, per request kind (see <see cref="Explanation"/>): the same polls (one list per poll per system, at
/// most one a second), one read of a new incident's progress entries, and every write the hub made (each one carries a
/// change a person sees: the case, its notes, statuses and the incident's progress entries). The hub's token was
/// fetched before the count started, as a tight client's would be.
/// </summary>
internal sealed class TightClientMinimum
{
    public const string TopDeskPoll = "TOPdesk GET /incidents";
    public const string TopDeskProgress = "TOPdesk GET /incidents/id/{id}/actions";
    public const string DynamicsPoll = "Dynamics GET /incidents (delta)";
    public const string DynamicsNotesPoll = "Dynamics GET /annotations";

    public static readonly string[] Explanation =
    [
        "tight client: the same polls as the hub (a TOPdesk list, a Dynamics case delta and a Dynamics notes list, at most one each a second);",
        "              per complaint one read of the new incident's progress entries (people changed it once: when they logged it);",
        "              the hub's writes (POST/PATCH), each taken as carrying a change a person sees;",
        "              no look-up before a create, no read of a record after writing it, no re-read of an unchanged record",
    ];

    private TightClientMinimum(Dictionary<string, double> kinds) => Kinds = kinds;

    public IReadOnlyDictionary<string, double> Kinds { get; }

    public double Total => Kinds.Values.Sum();

    public static TightClientMinimum For(int complaints, TimeSpan window, IReadOnlyDictionary<string, int> hubKinds)
    {
        var seconds = Math.Floor(window.TotalSeconds);
        double Polls(string kind) => Math.Min(seconds, hubKinds.TryGetValue(kind, out var made) ? made : 0);
        var kinds = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [TopDeskPoll] = Polls(TopDeskPoll),
            [TopDeskProgress] = complaints,
            [DynamicsPoll] = Polls(DynamicsPoll),
            [DynamicsNotesPoll] = Polls(DynamicsNotesPoll),
        };
        foreach (var (kind, count) in hubKinds.Where(k => IsWrite(k.Key)))
        {
            kinds[kind] = count;
        }

        return new TightClientMinimum(kinds);
    }

    public double Of(string kind) => Kinds.TryGetValue(kind, out var needed) ? needed : 0;

    private static bool IsWrite(string kind) => !kind.StartsWith("Entra ID", StringComparison.Ordinal) && !kind.Contains(" GET ", StringComparison.Ordinal);
}
