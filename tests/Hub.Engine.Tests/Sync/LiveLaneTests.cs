using System.Diagnostics;
using System.Globalization;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A live complaint never waits behind a bulk load: the dispatcher sends the first command of a new case, newest first,
/// before a backlog's older commands, also when it was queued while a round of the backlog is being sent; and the
/// commands of one case still go in the order they were queued.
/// </summary>
public abstract class LiveLaneTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private const int Backlog = 200;

    [Fact]
    public async Task A_new_complaint_queued_after_200_bulk_commands_is_sent_before_most_of_them()
    {
        await QueueBacklogAsync(Backlog);
        var live = await QueueLiveComplaintAsync();

        await rig.DispatchAllDueAsync();

        var order = rig.Facility.Created.Select(c => c.CorrelationKey).ToList();
        Assert.Equal(Backlog + 1, order.Count);
        Assert.InRange(order.IndexOf(live), 0, 9); // in the round's first handful (senders side by side may finish in any order)
    }

    [Fact]
    public async Task A_new_complaint_queued_while_a_round_of_the_backlog_is_being_sent_goes_before_the_rest_of_that_round()
    {
        rig.Options.DispatchConcurrency = 1; // one sender: the order it sends in is the order the round hands out
        await QueueBacklogAsync(40);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = 0;
        rig.Facility.BeforeCreate = async () =>
        {
            Interlocked.Increment(ref inFlight);
            await release.Task;
        };
        var round = Task.Run(rig.DispatchAsync);
        await UntilAsync(() => Volatile.Read(ref inFlight) == rig.Options.DispatchConcurrency);

        var live = await QueueLiveComplaintAsync();
        rig.Clock.Advance(TimeSpan.FromSeconds(1)); // the round's next look for live commands is due
        release.SetResult();
        await round;

        var order = rig.Facility.Created.Select(c => c.CorrelationKey).ToList();
        Assert.Equal(41, order.Count); // in the same round
        Assert.Equal(1, order.IndexOf(live)); // right after the create that was in flight when it was queued
    }

    [Fact]
    public async Task A_complaint_a_webhook_named_goes_before_the_new_cases_of_a_backlog_taken_in_after_it()
    {
        rig.Options.DispatchConcurrency = 1; // one sender: the order it sends in is the order the round hands out
        await QueueBacklogAsync(50);
        rig.ServiceDesk.OnRequest["td-live"] = Complaint.Reported("td-live", "I 2026 999", SyncRig.Start.AddMinutes(5));
        Assert.Equal(LiveIntakeOutcome.TakenIn, await rig.LiveIntake.TakeInAsync("servicedesk", "td-live", CancellationToken.None));
        var live = await rig.ReadAsync(db => db.Links.Where(l => l.SystemName == "servicedesk" && l.ExternalId == "td-live").Select(l => l.CaseId).SingleAsync());
        await QueueBacklogAsync(50, from: 51); // the backlog's next page: 50 cases newer than the named one

        await rig.DispatchAllDueAsync();

        var order = rig.Facility.Created.Select(c => c.CorrelationKey).ToList();
        Assert.Equal(101, order.Count);
        Assert.Equal(0, order.IndexOf(live));
    }

    [Fact]
    public async Task The_live_lane_never_sends_a_later_command_of_a_case_before_its_earlier_ones()
    {
        await QueueBacklogAsync(30);
        rig.ServiceDesk.Report("td-page-live",
            Complaint.Reported("td-live", "I 2026 999", SyncRig.Start),
            Complaint.Reported("td-live", "I 2026 999", SyncRig.Start.AddMinutes(1), version: "2") with
            {
                Kind = ChangeKind.FieldsChanged,
                Fields = new CaseFields { Title = "Toilet verstopt 2e verdieping, nu ook de wastafel" },
                RawValues = new Dictionary<string, string> { [MappedField.Status] = "Geregistreerd" },
            });
        await rig.PollAsync("servicedesk");

        await rig.DispatchAllDueAsync();

        var sent = (await rig.JournalAsync()).Where(j => j.Outcome == JournalOutcome.Applied && j.TargetSystem != null && j.CaseId != null)
            .GroupBy(j => j.CaseId!).ToDictionary(g => g.Key, g => g.OrderBy(j => j.Sequence).Select(j => $"{j.Kind} to {j.TargetSystem}").ToList());
        var queued = (await rig.OutboxAsync()).GroupBy(o => o.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Id).Select(o => $"{o.Kind} to {o.TargetSystem}").ToList());
        Assert.Equal(31, queued.Count);
        Assert.Contains(queued.Values, commands => commands.Count >= 3); // the live case: its create, its change, its work order
        foreach (var (caseId, commands) in queued)
        {
            Assert.Equal(commands, sent[caseId]); // each case's commands went out in the order they were queued
        }

        await rig.AssertJournalIntactAsync();
    }

    /// <summary>Queues the creates of <paramref name="count"/> complaints reported in one page of the service desk.</summary>
    private async Task QueueBacklogAsync(int count, int from = 1)
    {
        var changes = Enumerable.Range(from, count)
            .Select(n => Complaint.Reported($"td-{n}", string.Create(CultureInfo.InvariantCulture, $"I 2026 {n:000}"), SyncRig.Start))
            .ToArray();
        rig.ServiceDesk.Report(string.Create(CultureInfo.InvariantCulture, $"td-page-backlog-{from}"), changes);
        await rig.PollAsync("servicedesk");
    }

    /// <summary>A complaint reported after the backlog; returns its case id (the correlation key of its create).</summary>
    private async Task<string> QueueLiveComplaintAsync()
    {
        rig.ServiceDesk.Report("td-page-live", Complaint.Reported("td-live", "I 2026 999", SyncRig.Start.AddMinutes(5)));
        await rig.PollAsync("servicedesk");
        return await rig.ReadAsync(db => db.Links.Where(l => l.SystemName == "servicedesk" && l.ExternalId == "td-live").Select(l => l.CaseId).SingleAsync());
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        var waiting = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), "the round did not start sending within 30 s");
            await Task.Delay(10);
        }
    }
}

public sealed class LiveLaneOnSqliteTests() : LiveLaneTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class LiveLaneOnPostgresTests(PostgresServer server) : LiveLaneTests(server);
