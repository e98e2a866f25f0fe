using System.Diagnostics;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;

namespace Hub.Benchmarks;

/// <summary>
/// Walks the seeded journal's hash chain with the verifier `hub verify` runs (no journal keys, no kept heads: a new
/// hub's), so a seed that is not what the hub would have written fails the benchmark instead of timing it.
/// </summary>
internal static class SeededJournalCheck
{
    public static async Task<(long Entries, TimeSpan Elapsed)> VerifyAsync(HubDatabase database, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var db = database.CreateContext();
        await using (db)
        {
            var verdict = await JournalVerifier.VerifyAsync(db, cancellationToken);
            return verdict.IsIntact
                ? (verdict.EntriesChecked, watch.Elapsed)
                : throw new InvalidOperationException($"hub verify would refuse the seeded journal: {verdict}");
        }
    }
}
