using System.Globalization;
using System.Text.Json;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// Polls of one system that fail in a row. The journal gets one entry when a streak begins (PollFailing, with the
/// first error) and one when a poll works again (PollRecovered: how long and over how many polls it failed, and the
/// last error), so an auditor sees why a complaint arrived late without one entry per poll. The streak is kept in the
/// system's adapter state under a key of the engine's own, in the same unit of work as the system's poll state.
/// </summary>
internal static class PollFailureStreak
{
    public const string StateKey = "hub:poll-failure-streak";

    /// <summary>A poll failed: opens a streak (and journals it) or counts one more failed poll of the open one.</summary>
    public static async Task FailedAsync(HubDbContext db, HubJournal journal, string system, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.AdapterState.FindAsync([system, StateKey], cancellationToken).ConfigureAwait(false);
        if (row is not null && Parse(row.Value) is { } open)
        {
            row.Value = Serialize(open with { Polls = open.Polls + 1 });
            return;
        }

        var streak = new Streak(now, 1);
        if (row is null)
        {
            db.AdapterState.Add(new AdapterStateEntry { SystemName = system, Key = StateKey, Value = Serialize(streak) });
        }
        else
        {
            row.Value = Serialize(streak);
        }

        await journal.AppendAsync(db, new JournalLine
        {
            Kind = HubEvent.PollFailing, Outcome = JournalOutcome.Failed, SourceSystem = system, Error = error,
            Detail = $"polling {system} fails; its watermark stays and every poll tries again until one succeeds",
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A poll worked: closes the open streak, if there is one, with its entry.</summary>
    public static async Task SucceededAsync(HubDbContext db, HubJournal journal, string system, string? lastError, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.AdapterState.FindAsync([system, StateKey], cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return;
        }

        db.AdapterState.Remove(row);
        if (Parse(row.Value) is not { } streak)
        {
            return;
        }

        var polls = streak.Polls == 1 ? "1 failed poll" : $"{streak.Polls.ToString(CultureInfo.InvariantCulture)} failed polls";
        await journal.AppendAsync(db, new JournalLine
        {
            Kind = HubEvent.PollRecovered, Outcome = JournalOutcome.Recovered, SourceSystem = system,
            Detail = $"polling {system} works again after {Duration(now - streak.Since)} and {polls} (failing since {streak.Since.ToString("O", CultureInfo.InvariantCulture)})"
                     + (lastError is null ? string.Empty : $"; last error: {lastError}"),
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string Duration(TimeSpan span)
    {
        var c = CultureInfo.InvariantCulture;
        return span switch
        {
            { TotalMinutes: < 1 } => $"{Math.Max(0, (int)span.TotalSeconds).ToString(c)} s",
            { TotalHours: < 1 } => $"{((int)span.TotalMinutes).ToString(c)} min",
            { TotalDays: < 1 } => $"{((int)span.TotalHours).ToString(c)} h {span.Minutes.ToString(c)} min",
            _ => $"{((int)span.TotalDays).ToString(c)} d {span.Hours.ToString(c)} h",
        };
    }

    private static string Serialize(Streak streak) => JsonSerializer.Serialize(streak);

    private static Streak? Parse(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<Streak>(value);
        }
        catch (JsonException)
        {
            return null; // not the engine's shape: a new streak starts
        }
    }

    private sealed record Streak(DateTimeOffset Since, int Polls);
}
