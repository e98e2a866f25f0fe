using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// Why a backlog run did not finish, from the hub's own database, read while the hub still runs (SQLite in WAL mode: a
/// reader holds no writer up): the cases it took in; per system its last poll and error, its pending commands (the
/// soonest next attempt, the most attempts, the last error), dead letters and parked changes; a poll watermark that
/// still holds a resume position (the poll stopped with more to read); the journal's failures and set-aside records;
/// and the warnings in the hub's log. Then one line that names the likeliest reason.
/// </summary>
internal static class UnfinishedRun
{
    private static readonly string[] SystemNames = ["servicedesk", "facility", "contractor"];
    private static readonly string[] Troubles = [JournalOutcome.Failed, JournalOutcome.DeadLettered, JournalOutcome.Quarantined, JournalOutcome.Parked, JournalOutcome.Ignored];

    public static async Task PrintAsync(BenchWorld world, int casesExpected, CancellationToken cancellationToken)
    {
        var database = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=hub.db" }, world.Folder);
        var now = TimeProvider.System.GetUtcNow();
        var statuses = await HubStatus.ReadAsync(database, SystemNames, cancellationToken);
        await using var db = database.CreateContext();
        var cases = await db.Cases.CountAsync(cancellationToken);
        var pending = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending)
            .Select(o => new { o.TargetSystem, o.Attempts, o.NextAttemptAt, o.LastError, o.LeasedBy })
            .ToListAsync(cancellationToken);
        var watermarks = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.SystemName, s => s.Watermark, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var troubles = await db.Journal.AsNoTracking().Where(e => Troubles.Contains(e.Outcome))
            .GroupBy(e => new { e.Kind, e.Outcome }).Select(g => new { g.Key.Kind, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);

        Console.WriteLine(Figures.Invariant($"  the hub's database ({world.Folder}): {cases} cases of the {casesExpected} expected"));
        foreach (var status in statuses)
        {
            var waiting = pending.Where(p => p.TargetSystem.Equals(status.System, StringComparison.OrdinalIgnoreCase)).ToList();
            var soonest = waiting.Count == 0 ? "" : Figures.Invariant($", soonest next attempt in {(waiting.Min(p => p.NextAttemptAt) - now).TotalSeconds:F0} s, most attempts {waiting.Max(p => p.Attempts)}, {waiting.Count(p => p.LeasedBy is not null)} leased");
            Console.WriteLine(Figures.Invariant($"    {status.System,-12} last poll {Ago(status.LastPollAt, now)}, last good poll {Ago(status.LastSuccessfulPollAt, now)}; pending {status.Pending}{soonest}; dead letters {status.DeadLetters}; parked {status.Parked}"));
            if (status.LastError is { } error)
            {
                Console.WriteLine($"      last poll error: {error}");
            }

            if (waiting.FirstOrDefault(p => p.LastError is not null)?.LastError is { } commandError)
            {
                Console.WriteLine($"      a pending command's last error: {commandError}");
            }

            if (StoppedWithMoreToRead(watermarks.GetValueOrDefault(status.System)) is { } position)
            {
                Console.WriteLine($"      its last poll stopped with more to read; the next one starts at {position}");
            }
        }

        foreach (var trouble in troubles)
        {
            Console.WriteLine(Figures.Invariant($"    journal: {trouble.Count} x {trouble.Kind} {trouble.Outcome}"));
        }

        var warnings = world.Hub.Output.Split('\n').Where(l => l.Contains("warn:", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal)).ToList();
        Console.WriteLine(Figures.Invariant($"    the hub's log: {warnings.Count} warnings or errors{(warnings.Count == 0 ? string.Empty : "; the last: " + warnings[^1].Trim())}"));
        Console.WriteLine("  why: " + Reason(cases, casesExpected, statuses, pending.Count, watermarks));
    }

    /// <summary>The likeliest reason, from what the database holds.</summary>
    private static string Reason(int cases, int casesExpected, IReadOnlyList<SystemStatus> statuses, int pending, Dictionary<string, string?> watermarks)
    {
        if (statuses.Sum(s => s.DeadLetters) is > 0 and var dead)
        {
            return Figures.Invariant($"{dead} commands are dead letters (hub deadletters list).");
        }

        if (pending > 0)
        {
            return Figures.Invariant($"{pending} commands are still pending: they wait for a retry or a lease (see the next attempts above).");
        }

        if (cases < casesExpected)
        {
            var stopped = SystemNames.Where(s => StoppedWithMoreToRead(watermarks.GetValueOrDefault(s)) is not null).ToList();
            return stopped.Count > 0
                ? Figures.Invariant($"the hub took in {cases} of {casesExpected} cases and sent all it had; the poll of {string.Join(", ", stopped)} stopped with more to read and no poll followed (the benchmark polls hourly and sends one webhook).")
                : Figures.Invariant($"the hub took in {cases} of {casesExpected} cases and sent all it had; no poll is reading the rest.");
        }

        return "every case was taken in and nothing is pending: the missing work orders were not written to the pickup folder (see the hub's log).";
    }

    /// <summary>A TOPdesk watermark with a resume position ("latest|since|from@read#id") says the poll stopped with more to read.</summary>
    private static string? StoppedWithMoreToRead(string? watermark)
    {
        var parts = watermark?.Split('|');
        return parts is { Length: >= 3 } && parts[2].Contains('@', StringComparison.Ordinal) ? parts[2] : null;
    }

    private static string Ago(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } moment ? Figures.Invariant($"{(now - moment).TotalSeconds:F0} s ago") : "never";
}
