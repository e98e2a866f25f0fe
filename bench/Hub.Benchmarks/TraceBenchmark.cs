using System.Diagnostics;
using Hub.Engine.Audit;
using Hub.Engine.Persistence;

namespace Hub.Benchmarks;

/// <summary>
/// Times `hub trace` as the CLI runs it: open a context, <see cref="CaseFinder"/> for the reference, then
/// <see cref="CaseTraceQuery"/> for the one case found. References are picked at random, in the spellings people type.
/// </summary>
internal static class TraceBenchmark
{
    public const int WarmUpLookups = 50;

    private static readonly (string Kind, Func<int, string> Reference)[] Kinds =
    [
        ("hub id", SeededReferences.HubId),
        ("TOPdesk, no spaces", n => SeededReferences.TopDeskNumber(n).Replace(" ", string.Empty, StringComparison.Ordinal)),
        ("Dynamics number", SeededReferences.DynamicsNumber),
        ("work order [WO-..]", n => "[" + SeededReferences.WorkOrder(n) + "]"),
    ];

    public static async Task<IReadOnlyList<LatencySummary>> RunAsync(
        HubDatabase database, int cases, int lookupsPerKind, TimeProvider time, CancellationToken cancellationToken)
    {
        var random = new Random(20261122);
        for (var i = 0; i < WarmUpLookups; i++)
        {
            var (_, reference) = Kinds[i % Kinds.Length];
            var n = random.Next(cases);
            await TraceAsync(database, reference(n), SeededReferences.HubId(n), time, cancellationToken);
        }

        var timings = Kinds.ToDictionary(k => k.Kind, _ => new List<double>(lookupsPerKind));
        for (var i = 0; i < lookupsPerKind * Kinds.Length; i++)
        {
            var (kind, reference) = Kinds[i % Kinds.Length];
            var n = random.Next(cases);
            var text = reference(n);
            var watch = Stopwatch.StartNew();
            await TraceAsync(database, text, SeededReferences.HubId(n), time, cancellationToken);
            timings[kind].Add(watch.Elapsed.TotalMilliseconds);
        }

        return [.. Kinds.Select(k => LatencySummary.Of(k.Kind, timings[k.Kind])), LatencySummary.Of("all", [.. timings.Values.SelectMany(t => t)])];
    }

    private static async Task TraceAsync(HubDatabase database, string reference, string expectedCaseId, TimeProvider time, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db)
        {
            var matches = await CaseFinder.FindAsync(db, reference, cancellationToken);
            if (matches.Count != 1 || matches[0].CaseId != expectedCaseId)
            {
                throw new InvalidOperationException($"'{reference}' matched {matches.Count} cases ({string.Join(", ", matches.Select(m => m.CaseId))}); the seeded journal gives it exactly {expectedCaseId}.");
            }

            var trace = await CaseTraceQuery.LoadAsync(db, matches[0].CaseId, time.GetUtcNow(), cancellationToken)
                ?? throw new InvalidOperationException($"Case {matches[0].CaseId} was found but its trace did not load.");
            if (trace.Events.Count == 0 || trace.Links.Count != 3)
            {
                throw new InvalidOperationException($"Case {matches[0].CaseId} loaded {trace.Links.Count} links and {trace.Events.Count} entries; expected 3 links and at least one entry.");
            }
        }
    }
}
