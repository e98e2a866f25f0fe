using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>
/// A progress entry has no id in TOPdesk, so the hub recognises its own earlier attempt in the incident's progress
/// trail as TOPdesk shows it, not from memory: the same words by the hub's operator since the outbox queued the
/// command. TOPdesk applies the PATCH, its answer is lost, and the hub's real outbox retries (after a restart, hours
/// later). Status and completion are plain field values, so writing them again changes nothing.
/// </summary>
public sealed class OutboxRetryTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoHttpRetries = new() { ["Http:MaxRetries"] = "0" };
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly TopDeskTestbed testbed;
    private readonly OutboxRetryRig outbox;
    private readonly SimulatedIncident incident;

    public OutboxRetryTests()
    {
        testbed = new TopDeskTestbed(clock);
        outbox = new OutboxRetryRig(TopDeskTestbed.SystemName, clock);
        incident = Simulator.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = "Toilet verstopt 2e verdieping",
            Category = "Facilitair",
            Subcategory = "Sanitair",
            CallerName = "Kees Smit",
        });
    }

    private TopDeskSimulator Simulator => testbed.Simulator;

    [Fact]
    public async Task When_the_answer_to_a_progress_entry_is_lost_the_outbox_retry_after_a_restart_hours_later_writes_it_once()
    {
        await outbox.StartAsync(TopDeskTestbed.Timeout);
        var id = await outbox.QueueAsync(Change(ChangeKind.CommentAdded) with { Comment = new CaseComment("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", true, "Loodgieter Jansen") }, TopDeskTestbed.Timeout);
        Simulator.LoseAnswersToNextWrites(1);

        await outbox.DispatchAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);
        var afterLostAnswer = await outbox.OutboxRowAsync(id, TopDeskTestbed.Timeout);
        clock.Advance(TimeSpan.FromHours(2)); // a long Retry-After, or a dead letter replayed the next morning
        await outbox.DispatchAfterRestartAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);

        Assert.Equal((OutboxStatus.Pending, 1), (afterLostAnswer.Status, afterLostAnswer.Attempts));
        var done = await outbox.OutboxRowAsync(id, TopDeskTestbed.Timeout);
        Assert.Equal((OutboxStatus.Done, 2), (done.Status, done.Attempts));
        var entry = Assert.Single(Simulator.ActionsOf(incident.Id));
        Assert.Contains("Monteur komt dinsdag 24-11", entry.MemoText, StringComparison.Ordinal);
        Assert.Single(Simulator.Requests, r => r.Method == "PATCH");
        Assert.Equal([JournalOutcome.Failed, JournalOutcome.Applied], await outbox.OutcomesAsync(TopDeskTestbed.Timeout));
    }

    [Fact]
    public async Task When_the_answer_to_resolving_an_incident_is_lost_the_outbox_retry_after_a_restart_completes_it_once_with_one_entry()
    {
        await outbox.StartAsync(TopDeskTestbed.Timeout);
        var id = await outbox.QueueAsync(Change(ChangeKind.Resolved) with
        {
            Fields = new CaseFields { Status = CaseStatus.Resolved, Resolution = "Sifon vervangen, toilet loopt weer door." },
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "Gereed" },
        }, TopDeskTestbed.Timeout);
        Simulator.LoseAnswersToNextWrites(1);

        await outbox.DispatchAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);
        var completedAt = Simulator.Incident(incident.Id).CompletedDate;
        clock.Advance(TimeSpan.FromHours(2));
        await outbox.DispatchAfterRestartAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);

        Assert.Equal(OutboxStatus.Done, (await outbox.OutboxRowAsync(id, TopDeskTestbed.Timeout)).Status);
        var after = Simulator.Incident(incident.Id);
        Assert.True(after.Completed);
        Assert.Equal(completedAt, after.CompletedDate); // completing a completed incident again changes nothing
        Assert.Equal("Gereed", after.ProcessingStatus?.Name);
        Assert.Single(Simulator.ActionsOf(incident.Id));
        var patches = Simulator.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(2, patches.Count);
        Assert.Contains("\"action\"", patches[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"action\"", patches[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_earlier_attempt_is_found_behind_a_long_trail_of_entries_people_wrote_since()
    {
        await outbox.StartAsync(TopDeskTestbed.Timeout);
        await outbox.QueueAsync(Change(ChangeKind.CommentAdded) with { Comment = new CaseComment("Onderdeel besteld", false, "Loodgieter Jansen") }, TopDeskTestbed.Timeout);
        Simulator.LoseAnswersToNextWrites(1);
        await outbox.DispatchAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);
        for (var i = 1; i <= 150; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            Simulator.AddAction(incident.Id, $"Beller heeft gebeld ({i})");
        }

        await outbox.DispatchAfterRestartAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);

        Assert.Single(Simulator.ActionsOf(incident.Id), a => a.PlainText == "Onderdeel besteld");
    }

    [Fact]
    public async Task The_same_words_in_a_later_command_are_written_again()
    {
        await outbox.StartAsync(TopDeskTestbed.Timeout);
        var said = new CaseComment("Monteur is onderweg", true, "Loodgieter Jansen");
        await outbox.QueueAsync(Change(ChangeKind.CommentAdded) with { Comment = said }, TopDeskTestbed.Timeout);
        await outbox.DispatchAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);
        clock.Advance(TimeSpan.FromMinutes(10)); // the contractor says it again the next time he is on his way
        await outbox.QueueAsync(Change(ChangeKind.CommentAdded) with { Comment = said }, TopDeskTestbed.Timeout);

        await outbox.DispatchAsync(testbed.CreateAdapter(NoHttpRetries), TopDeskTestbed.Timeout);

        Assert.Equal(2, Simulator.ActionsOf(incident.Id).Count);
    }

    private ApplyChangeCommand Change(ChangeKind kind) => new() { CaseId = "HUB-2026-000042", ExternalId = incident.Id, Kind = kind };

    public void Dispose()
    {
        outbox.Dispose();
        testbed.Dispose();
    }
}
