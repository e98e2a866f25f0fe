using Hub.Abstractions.Mapping;
using Hub.Engine.Journey;
using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Journey;

/// <summary>The journey read model over a real SQLite journal written by the hub's own journal, as the engine writes it.</summary>
public sealed class JourneyReaderTests : IAsyncLifetime
{
    private static readonly MappingSet Shipped = MappingLoader.Load(Path.Combine(HubProcess.RepositoryRoot(), "mappings")).Mappings
        ?? throw new InvalidOperationException("the shipped mappings do not load");

    private SqliteTestDatabase temp = null!;

    public async Task InitializeAsync() => temp = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await temp.DisposeAsync();

    [Fact]
    public async Task When_the_contractor_has_set_a_visit_the_complaint_is_at_the_contractor_since_the_work_order_and_the_visit_is_next()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Scheduled);

        var journey = await ReadAsync(JourneyChain.ScheduledAt.AddHours(1));

        var now = journey.Now!;
        Assert.Equal(("contractor", "contractor", JourneyChain.WorkOrder), (now.Role, now.System, now.Number));
        Assert.Equal(JourneyChain.ContractorName, now.Party);
        Assert.Equal(JourneyChain.Plumber, now.Person);
        Assert.Equal(JourneyChain.WorkOrderAt, now.Since);
        Assert.False(now.IsFinished);
        var next = journey.Next!;
        Assert.Equal(("Visit and do the work", "contractor"), (next.Text, next.Role));
        Assert.Equal((JourneyChain.VisitFrom, JourneyChain.VisitUntil), (next.ExpectedFrom!.Value, next.ExpectedUntil!.Value));
    }

    [Fact]
    public async Task The_milestones_come_from_the_journal_once_each_in_order_and_echoes_and_notes_are_not_milestones()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Done);

        var journey = await ReadAsync(JourneyChain.DoneAt.AddDays(1));

        Assert.Equal(
            [
                (Milestone.Forwarded, JourneyChain.ForwardedAt, "facility"),
                (Milestone.WorkOrderSent, JourneyChain.WorkOrderAt, "contractor"),
                (Milestone.Accepted, JourneyChain.AcceptedAt, "contractor"),
                (Milestone.Appointment, JourneyChain.ScheduledAt, "contractor"),
                (Milestone.Done, JourneyChain.DoneAt, "contractor"),
            ],
            journey.Milestones.Select(m => (m.Milestone, m.At, m.Role)));
        var visit = journey.Milestones.Single(m => m.Milestone == Milestone.Appointment);
        Assert.Equal((JourneyChain.VisitFrom, JourneyChain.VisitUntil), (visit.AppointmentStart!.Value, visit.AppointmentEnd!.Value));
        Assert.All(journey.Milestones, m => Assert.Null(m.ReporterToldAt));
    }

    [Fact]
    public async Task When_the_work_is_done_nothing_is_next_and_the_contractor_finished_it_at_the_time_it_reported_done()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Done);

        var journey = await ReadAsync(JourneyChain.DoneAt.AddDays(3));

        Assert.Null(journey.Next);
        Assert.True(journey.IsFinished);
        Assert.Equal(("contractor", JourneyChain.DoneAt), (journey.Now!.Role, journey.Now.Since));
    }

    [Fact]
    public async Task Each_system_shows_its_status_by_its_own_name_not_its_code()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Scheduled);

        var journey = await ReadAsync(JourneyChain.ScheduledAt.AddHours(1));

        var statuses = journey.Systems.ToDictionary(s => s.System);
        Assert.Equal(("Ingepland", "Ingepland"), (statuses["servicedesk"].StatusValue, statuses["servicedesk"].StatusName));
        Assert.Equal(("4", "Researching"), (statuses["facility"].StatusValue, statuses["facility"].StatusName));
        Assert.Equal("scheduled", statuses["contractor"].StatusName);
        Assert.Equal(JourneyChain.ScheduledAt, statuses["facility"].At);
    }

    [Fact]
    public async Task When_the_contractor_has_only_accepted_the_building_manager_case_is_in_progress_and_a_visit_is_to_be_planned()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Accepted);

        var journey = await ReadAsync(JourneyChain.AcceptedAt.AddHours(1));

        Assert.Equal("In Progress", journey.Systems.Single(s => s.System == "facility").StatusName);
        Assert.Equal("In behandeling", journey.Systems.Single(s => s.System == "servicedesk").StatusName);
        Assert.Equal("Plan a visit", journey.Next!.Text);
        Assert.Null(journey.Next.ExpectedFrom);
    }

    [Fact]
    public async Task The_time_each_party_held_the_complaint_runs_from_its_record_to_the_next_party_and_to_now_for_the_last()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Scheduled);
        var now = JourneyChain.ScheduledAt.AddHours(1);

        var journey = await ReadAsync(now);

        Assert.Equal(
            [
                ("servicedesk", (long)(JourneyChain.ForwardedAt - JourneyChain.ReportedAt).TotalSeconds, false, (string?)null),
                ("facility", (long)(JourneyChain.WorkOrderAt - JourneyChain.ForwardedAt).TotalSeconds, false, null),
                ("contractor", (long)(now - JourneyChain.WorkOrderAt).TotalSeconds, true, JourneyChain.ContractorName),
            ],
            journey.Stays.Select(s => (s.Role, s.HeldSeconds, s.IsCurrent, s.Party)));
    }

    [Fact]
    public async Task When_the_milestone_writer_has_told_the_reporter_each_milestone_says_when()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Done, reporterTold: true);

        var journey = await ReadAsync(JourneyChain.DoneAt.AddDays(1));

        Assert.Equal(5, journey.Milestones.Count);
        Assert.All(journey.Milestones, m => Assert.Equal(m.At.AddMinutes(1), m.ReporterToldAt));
    }

    [Fact]
    public async Task A_milestone_only_the_writer_knows_such_as_still_waiting_is_on_the_timeline_without_becoming_the_next_step()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.WorkOrderSent);
        var waitingAt = JourneyChain.WorkOrderAt.AddDays(1);
        await using (var db = temp.Database.CreateContext())
        {
            await new Hub.Engine.Journal.HubJournal(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(waitingAt)).AppendAsync(db, new Hub.Engine.Journal.JournalLine
            {
                CaseId = JourneyChain.CaseId, Kind = HubEvent.Milestone, Outcome = JournalOutcome.Applied, TargetSystem = "servicedesk", Detail = nameof(Milestone.StillWaiting),
            }, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var journey = await ReadAsync(waitingAt.AddHours(1));

        var waiting = journey.Milestones[^1];
        Assert.Equal((Milestone.StillWaiting, waitingAt, waitingAt), (waiting.Milestone, waiting.At, waiting.ReporterToldAt!.Value));
        Assert.Equal("Accept the work order", journey.Next!.Text);
    }

    [Fact]
    public async Task A_work_order_found_again_after_a_restart_without_its_upstream_still_reads_as_a_work_order()
    {
        await JourneyChain.SeedAsync(temp.Database, JourneyStage.Accepted);
        await temp.ExecuteSqlAsync("UPDATE links SET UpstreamSystem = NULL WHERE SystemName = 'contractor'");

        var journey = await ReadAsync(JourneyChain.AcceptedAt.AddHours(1));

        Assert.Equal([Milestone.Forwarded, Milestone.WorkOrderSent, Milestone.Accepted], journey.Milestones.Select(m => m.Milestone));
    }

    [Fact]
    public async Task When_there_is_no_such_case_there_is_no_journey()
    {
        await using var db = temp.Database.CreateContext();

        Assert.Null(await JourneyReader.LoadAsync(db, "HUB-2026-999999", Shipped, JourneyChain.ReportedAt, CancellationToken.None));
    }

    private async Task<JourneyView> ReadAsync(DateTimeOffset now)
    {
        await using var db = temp.Database.CreateContext();
        return await JourneyReader.LoadAsync(db, JourneyChain.CaseId, Shipped, now, CancellationToken.None)
               ?? throw new Xunit.Sdk.XunitException("the seeded case has no journey");
    }
}
