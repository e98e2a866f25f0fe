using System.Diagnostics;
using System.Globalization;
using System.Net;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// Aim: a live complaint never waits behind a bulk load; its webhook -> next system p95 stays within 1 s while a
/// backlog is being synced. N incidents wait in the simulated TOPdesk and one webhook starts their sync; while the hub
/// works through them, live complaints arrive one by one, each with its own signed webhook. The figure per live
/// complaint is the time from its webhook POST until the simulated Dynamics receives the write that creates its case;
/// the hub's own database says how much of that was intake (webhook -> command queued) and how much sending
/// (queued -> case created). Every API call takes a fixed latency, so the backlog lasts long enough to arrive during.
/// A live complaint's webhook names its incident, as a TOPdesk action sequence does ({"record": "&lt;id&gt;"}): the hub
/// reads it and takes it in at once beside the backlog's poll. The webhook that starts the backlog names nothing.
/// </summary>
internal static class LiveLaneBenchmark
{
    private const int WarmUpComplaints = 5;
    private const int FirstLive = 10_000; // live complaints' numbers, after the backlog's and the warm-up's
    private static readonly TimeSpan Aim = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static async Task<bool> RunAsync(int incidents, int live, TimeSpan latency, CancellationToken cancellationToken)
    {
        Console.WriteLine(Figures.Invariant($"Live lane: {incidents} waiting incidents synced, {live} live complaints arrive meanwhile each with a webhook naming its incident; {latency.TotalMilliseconds:0} ms per API call, default dispatch settings"));
        await using var world = new BenchWorld();
        world.PollIntervals["servicedesk"] = TimeSpan.FromHours(1); // only webhooks make the hub read the service desk
        await world.StartHubAsync(cancellationToken);
        world.AnswerEveryCallAfter(latency);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        for (var i = 0; i < WarmUpComplaints; i++)
        {
            world.LogComplaint(incidents + i);
        }

        await SendWebhookAsync(world, http, cancellationToken);
        await UntilAsync(() => world.Dynamics.Cases.Count >= WarmUpComplaints, cancellationToken);
        for (var i = 0; i < incidents; i++)
        {
            world.LogComplaint(i);
        }

        var start = Stopwatch.StartNew();
        await SendWebhookAsync(world, http, cancellationToken);
        var sent = new List<(int Number, DateTimeOffset At, bool DuringBacklog)>();
        for (var i = 0; i < live; i++)
        {
            await Task.Delay(Random.Shared.Next(200, 600), cancellationToken); // about 2.5 complaints a second
            var number = FirstLive + i;
            var incident = world.LogComplaint(number);
            var at = TimeProvider.System.GetUtcNow();
            await SendWebhookAsync(world, http, cancellationToken, incident.Id);
            sent.Add((number, at, BulkCases(world, incidents) < incidents));
        }

        await UntilAsync(() => world.Dynamics.Cases.Count >= WarmUpComplaints + incidents + live, cancellationToken);
        var backlogDone = start.Elapsed;
        var load = Figures.LoadAverage();

        var queued = await QueuedAtAsync(world, sent.Select(s => s.Number), cancellationToken);
        var total = new List<double>();
        var intake = new List<double>();
        var sending = new List<double>();
        foreach (var (number, at, during) in sent.Where(s => s.DuringBacklog))
        {
            var created = CreatedAt(world, number);
            total.Add((created - at).TotalMilliseconds);
            if (queued.TryGetValue(BenchWorld.ComplaintMark(number), out var queuedAt))
            {
                intake.Add((queuedAt - at).TotalMilliseconds);
                sending.Add((created - queuedAt).TotalMilliseconds);
            }
        }

        Console.WriteLine(Figures.Invariant($"  backlog and live complaints all in Dynamics after {backlogDone.TotalSeconds:F1} s; {total.Count} of {live} live complaints arrived while the backlog was still syncing; load average at the end {load}"));
        Console.WriteLine("  measured for those: webhook POST sent -> simulated Dynamics receives the create of the case; split by the hub's outbox row (CreatedAt)");
        Console.WriteLine($"  {"",-22} {"count",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        if (total.Count > 0)
        {
            Console.WriteLine(LatencySummary.Of("webhook -> Dynamics", total).Row());
            if (intake.Count > 0)
            {
                Console.WriteLine(LatencySummary.Of("  webhook -> queued", intake).Row());
                Console.WriteLine(LatencySummary.Of("  queued -> Dynamics", sending).Row());
            }
        }

        var p95 = total.Count == 0 ? double.PositiveInfinity : LatencySummary.Of("all", total).P95;
        var met = total.Count > 0 && p95 <= Aim.TotalMilliseconds;
        Console.WriteLine(Figures.Verdict($"p95 within {Aim.TotalMilliseconds:0} ms while the backlog syncs", met, $"p95 {p95:F0} ms over {total.Count} live complaints"));
        return met;
    }

    /// <summary>Cases of the backlog in Dynamics so far (the warm-up's and live complaints' numbers are outside 0..incidents-1).</summary>
    private static int BulkCases(BenchWorld world, int incidents) =>
        world.Dynamics.Cases.Count(c => NumberOf(c.Title) is { } n && n < incidents);

    private static int? NumberOf(string title)
    {
        var space = title.LastIndexOf(' ');
        return space >= 0 && int.TryParse(title.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 100_000 : null;
    }

    /// <summary>When Dynamics received the first write carrying the complaint's words.</summary>
    private static DateTimeOffset CreatedAt(BenchWorld world, int number)
    {
        var mark = BenchWorld.ComplaintMark(number);
        return world.Dynamics.DataverseRequests
            .Where(r => r.Method is "POST" or "PATCH" && r.Body?.Contains(mark, StringComparison.Ordinal) == true)
            .Min(r => r.ArrivedAt);
    }

    /// <summary>When the hub queued each complaint's first command, by its mark, from the hub's own SQLite database.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> QueuedAtAsync(BenchWorld world, IEnumerable<int> numbers, CancellationToken cancellationToken)
    {
        var database = new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=hub.db" }, world.Folder);
        await using var db = database.CreateContext();
        var queued = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var number in numbers)
        {
            var mark = BenchWorld.ComplaintMark(number);
            var caseId = await db.Cases.AsNoTracking().Where(c => c.Title != null && c.Title.Contains(mark)).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (caseId is null)
            {
                continue;
            }

            var first = await db.Outbox.AsNoTracking().Where(o => o.CaseId == caseId).OrderBy(o => o.Id).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (first is { } at)
            {
                queued[mark] = at;
            }
        }

        return queued;
    }

    /// <summary>The service desk's signed webhook; naming <paramref name="record"/> when given, as an action sequence for a new incident does.</summary>
    private static async Task SendWebhookAsync(BenchWorld world, HttpClient http, CancellationToken cancellationToken, string? record = null)
    {
        using var naming = record is null ? null
            : WebhookCall.Signed(world.ApiUrl, "servicedesk", BenchWorld.WebhookSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NamingRecord(record));
        using var response = naming is null
            ? await world.PostWebhookAsync(http, "servicedesk", cancellationToken)
            : await http.SendAsync(naming, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The hub answered the webhook with {(int)response.StatusCode}, not 202.");
        }
    }

    private static async Task UntilAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        var giveUp = Stopwatch.StartNew();
        while (!done())
        {
            if (giveUp.Elapsed > GiveUpAfter)
            {
                throw new TimeoutException($"Not done within {GiveUpAfter.TotalMinutes:0} minutes.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
