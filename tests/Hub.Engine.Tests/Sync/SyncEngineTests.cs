using Hub.Engine.Audit;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// Rounds of real engine work (poll, intake, plan, outbox, dispatch, dead letters) on each provider: what the
/// correlation log holds after each step is what decides the next one.
/// </summary>
public abstract class SyncEngineTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task When_the_service_desk_reports_a_facility_complaint_it_reaches_the_building_manager_and_then_the_contractor()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));

        var polled = await rig.PollAsync("servicedesk");
        var firstRound = await rig.DispatchAsync();
        var secondRound = await rig.DispatchAsync();

        Assert.Equal(1, polled[IntakeResult.Opened]);
        Assert.Equal(1, firstRound); // the contractor's work order waits until the building manager holds the case
        Assert.Equal(1, secondRound);
        var atFacility = Assert.Single(rig.Facility.Created);
        Assert.Equal("HUB-2026-000001", atFacility.CorrelationKey);
        Assert.Equal("Toilet verstopt 2e verdieping", atFacility.Fields.Title);
        Assert.Equal(CasePriority.High, atFacility.Fields.Priority);
        var workOrder = Assert.Single(rig.Contractor.Created);
        Assert.Contains(workOrder.UpstreamRecords, l => l is { SystemName: "facility", ExternalNumber: "FACILITY-001" });
        Assert.True(workOrder.Parameters.ContainsKey("contractorEmail"));
        Assert.All(await rig.OutboxAsync(), o => Assert.Equal(OutboxStatus.Done, o.Status));
        var links = await rig.ReadAsync(db => db.Links.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.SystemName, l.UpstreamSystem }).ToListAsync());
        Assert.Equal(["servicedesk", "facility", "contractor"], links.Select(l => l.SystemName));
        Assert.Equal([null, "servicedesk", "facility"], links.Select(l => l.UpstreamSystem));
        var found = await rig.ReadAsync(db => CaseFinder.FindAsync(db, "i2026 101", CancellationToken.None));
        Assert.Equal("HUB-2026-000001", Assert.Single(found).CaseId);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task When_the_contractor_reports_done_the_case_is_resolved_up_the_chain_and_the_contractors_words_stay_with_the_building_manager()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(26));
        rig.Contractor.Report("mail-1", Complaint.Done("contractor-id-001", rig.Clock.Now));

        var polled = await rig.PollAsync("contractor");
        var sent = await rig.DispatchAllDueAsync();

        Assert.Equal(1, polled[IntakeResult.Updated]);
        Assert.True(sent > 0);
        Assert.Contains(rig.Facility.Applied, a => a is { Kind: ChangeKind.Resolved, Fields.Status: CaseStatus.Resolved });
        Assert.Contains(rig.Facility.Applied, a => a.Kind == ChangeKind.Resolved && a.Fields.Resolution!.Contains("Sifon vervangen", StringComparison.Ordinal));
        Assert.Contains(rig.ServiceDesk.Applied, a => a is { Kind: ChangeKind.Resolved, Fields.Resolution: null });
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CaseStatus.Resolved), record.Status);
        Assert.Equal(rig.Clock.Now, record.UpdatedAt);
        Assert.Contains("contractor", record.FieldStamps, StringComparison.Ordinal);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_complaint_whose_text_holds_a_nul_character_is_taken_in_with_the_character_made_visible()
    {
        var reported = Complaint.Reported("td-1", "I 2026 101", SyncRig.Start);
        rig.ServiceDesk.Report("td-page-1", reported with { Fields = reported.Fields with { Title = @"Melding over C:\u0000.log", Description = "Lekkage\0 bij de meterkast" } });

        var polled = await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();

        Assert.Equal(1, polled[IntakeResult.Opened]);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal("Lekkage\uFFFD bij de meterkast", record.Description);
        Assert.Equal(@"Melding over C:\u0000.log", record.Title); // typed text that only looks like an escape stays as typed
        Assert.Equal(record.Description, Assert.Single(rig.Facility.Created).Fields.Description);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_complaint_whose_text_holds_half_an_emoji_is_taken_in_with_that_half_made_visible()
    {
        // A system can send a lone surrogate (JSON "\ud83d" without its other half): PostgreSQL refuses it in text.
        var reported = Complaint.Reported("td-1", "I 2026 102", SyncRig.Start);
        rig.ServiceDesk.Report("td-page-1", reported with { Fields = reported.Fields with { Title = "WC \uD83D verstopt", Description = "Lekkage \uDEBD\uD83D\uDEBD bij de meterkast \uD83D" } });

        var polled = await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();

        Assert.Equal(1, polled[IntakeResult.Opened]);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal("WC \uFFFD verstopt", record.Title);
        Assert.Equal("Lekkage \uFFFD\U0001F6BD bij de meterkast \uFFFD", record.Description); // the whole emoji stays whole
        Assert.Equal(record.Description, Assert.Single(rig.Facility.Created).Fields.Description);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_system_whose_error_text_holds_a_nul_character_still_has_its_failures_recorded()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        rig.Facility.Failure = AdapterException.Transient("facility", "HTTP 500: <html>\0\0</html>");

        var polled = await rig.PollAsync("facility");
        var sent = await rig.DispatchAsync();

        Assert.Equal(1, sent);
        var failed = (await rig.OutboxAsync())[0];
        Assert.Equal("HTTP 500: <html>\uFFFD\uFFFD</html>", failed.LastError);
        Assert.Equal(1, failed.Attempts);
        var facility = (await HubStatus.ReadAsync(rig.Database, ["facility"], CancellationToken.None))[0];
        Assert.Equal("HTTP 500: <html>\0\0</html>", polled.Error);
        Assert.Equal("HTTP 500: <html>\uFFFD\uFFFD</html>", facility.LastError);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_change_read_again_after_an_overlapping_poll_is_taken_in_once()
    {
        var change = Complaint.Reported("td-1", "I 2026 101", SyncRig.Start);
        rig.ServiceDesk.Report("td-page-1", change);
        rig.ServiceDesk.Report("td-page-2", change);

        var first = await rig.PollAsync("servicedesk");
        var second = await rig.PollAsync("servicedesk");

        Assert.Equal(1, first[IntakeResult.Opened]);
        Assert.Equal(1, second[IntakeResult.Duplicate]);
        Assert.Equal(1, await rig.ReadAsync(db => db.Cases.CountAsync()));
        Assert.Equal(1, await rig.ReadAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(2, (await rig.OutboxAsync()).Count); // one create for the building manager, one for the contractor
    }

    [Fact]
    public async Task Each_system_resumes_from_its_own_watermark_and_a_failed_read_keeps_it()
    {
        rig.ServiceDesk.Report("td-2026-11-20T08:00");
        rig.Facility.Report("fac-token-7");
        await rig.PollAsync("servicedesk");
        await rig.PollAsync("facility");
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        rig.ServiceDesk.Failure = AdapterException.Transient("servicedesk", "HTTP 503 from TOPdesk");

        var failed = await rig.PollAsync("servicedesk");
        rig.ServiceDesk.Failure = null;
        await rig.PollAsync("servicedesk");
        await rig.PollAsync("facility");

        Assert.Equal("HTTP 503 from TOPdesk", failed.Error);
        Assert.Equal([null, "td-2026-11-20T08:00", "td-2026-11-20T08:00"], rig.ServiceDesk.WatermarksAsked);
        Assert.Equal([null, "fac-token-7"], rig.Facility.WatermarksAsked);
        var status = await HubStatus.ReadAsync(rig.Database, ["servicedesk", "facility"], CancellationToken.None);
        Assert.All(status, s => Assert.Equal(rig.Clock.Now, s.LastSuccessfulPollAt));
        Assert.All(status, s => Assert.Null(s.LastError));
    }

    [Fact]
    public async Task A_poll_reads_page_after_page_up_to_its_limit_and_the_next_poll_goes_on_from_there()
    {
        var backlog = PollCycle.MaxPagesPerPoll + 10;
        for (var page = 1; page <= backlog; page++)
        {
            rig.ServiceDesk.Report(new ChangeBatch([], $"td-page-{page}", HasMore: true));
        }

        await rig.PollAsync("servicedesk");
        var firstPoll = rig.ServiceDesk.WatermarksAsked.Count;
        await rig.PollAsync("servicedesk");

        Assert.Equal(PollCycle.MaxPagesPerPoll, firstPoll);
        var asked = rig.ServiceDesk.WatermarksAsked.ToList();
        Assert.Equal($"td-page-{PollCycle.MaxPagesPerPoll}", asked[PollCycle.MaxPagesPerPoll]); // the second poll starts where the first stopped
        Assert.Equal(backlog + 1, asked.Count); // the rest, and the read that found no more
    }

    [Fact]
    public async Task A_poll_that_stops_at_its_page_limit_says_more_is_to_read_and_the_poll_that_reads_to_the_end_does_not()
    {
        for (var page = 1; page <= PollCycle.MaxPagesPerPoll + 10; page++)
        {
            rig.ServiceDesk.Report(new ChangeBatch([], $"td-page-{page}", HasMore: page < PollCycle.MaxPagesPerPoll + 10));
        }

        var stopped = await rig.PollAsync("servicedesk");
        var toTheEnd = await rig.PollAsync("servicedesk");

        Assert.True(stopped.MoreToRead);
        Assert.EndsWith("more to read", stopped.ToString(), StringComparison.Ordinal);
        Assert.False(toTheEnd.MoreToRead);
    }

    [Fact]
    public async Task A_system_that_says_more_is_to_read_without_moving_its_watermark_is_not_polled_again_at_once()
    {
        for (var page = 1; page <= PollCycle.MaxPagesPerPoll; page++)
        {
            rig.ServiceDesk.Report(new ChangeBatch([], NextWatermark: null, HasMore: true));
        }

        var stuck = await rig.PollAsync("servicedesk");

        Assert.Null(stuck.Error);
        Assert.False(stuck.MoreToRead);
    }

    [Fact]
    public async Task A_poll_whose_read_fails_after_a_page_with_more_waits_for_its_interval()
    {
        rig.ServiceDesk.Report(new ChangeBatch([], "td-page-1", HasMore: true));
        rig.ServiceDesk.AfterRead = () =>
        {
            rig.ServiceDesk.Failure = AdapterException.Transient("servicedesk", "503 Service Unavailable");
            return Task.CompletedTask;
        };

        var failed = await rig.PollAsync("servicedesk");

        Assert.NotNull(failed.Error);
        Assert.False(failed.MoreToRead);
    }

    [Fact]
    public async Task A_command_refused_for_good_becomes_a_dead_letter_holds_its_case_back_and_goes_through_when_replayed()
    {
        rig.Facility.Failure = AdapterException.Permanent("facility", "400 Bad Request: customerid does not exist");
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        await rig.PollAsync("servicedesk");

        var sent = await rig.DispatchAllDueAsync();
        var dead = Assert.Single(await rig.DeadLetters.ListAsync(CancellationToken.None));
        var facility = (await HubStatus.ReadAsync(rig.Database, ["facility", "contractor"], CancellationToken.None))[0];

        Assert.Equal(1, sent); // the contractor's work order is not sent while the case's earlier command is dead
        Assert.Equal("facility", dead.TargetSystem);
        Assert.Contains("customerid does not exist", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(1, facility.DeadLetters);
        Assert.Empty(rig.Contractor.Created);

        rig.Facility.Failure = null;
        Assert.True(await rig.DeadLetters.ReplayAsync(dead.Id, "auditor", CancellationToken.None));
        Assert.Equal(2, await rig.DispatchAllDueAsync());

        Assert.Single(rig.Facility.Created);
        Assert.Single(rig.Contractor.Created);
        Assert.Empty(await rig.DeadLetters.ListAsync(CancellationToken.None));
        Assert.Equal(
            [JournalOutcome.DeadLettered, JournalOutcome.Replayed, JournalOutcome.Applied, JournalOutcome.Applied],
            (await rig.OutcomesAsync()).Where(o => o != JournalOutcome.Observed));
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_status_no_value_map_knows_is_parked_and_taken_up_after_the_mapping_learns_it()
    {
        var reported = Complaint.Reported("td-1", "I 2026 101", SyncRig.Start);
        rig.ServiceDesk.Report("td-page-1", reported with { RawValues = new Dictionary<string, string>(reported.RawValues) { [MappedField.Status] = "Wacht op onderdelen" } });

        var polled = await rig.PollAsync("servicedesk");
        var whileParked = (await HubStatus.ReadAsync(rig.Database, ["servicedesk"], CancellationToken.None))[0];
        rig.MappingFiles.Edit(
            "values.servicedesk.json",
            "{ \"value\": \"Geregistreerd\", \"canonical\": \"New\" },",
            "{ \"value\": \"Geregistreerd\", \"canonical\": \"New\" }, { \"value\": \"Wacht op onderdelen\", \"canonical\": \"Waiting\", \"direction\": \"inbound\" },");
        rig.ReloadMappings();
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var released = await rig.Intake.ReleaseParkedAsync(CancellationToken.None);

        Assert.Equal(1, polled[IntakeResult.Parked]);
        Assert.Equal(1, whileParked.Parked);
        Assert.Equal(1, released);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CaseStatus.Waiting), record.Status);
        var parked = await rig.ReadAsync(db => db.Parked.AsNoTracking().SingleAsync());
        Assert.Equal(rig.Clock.Now, parked.ReleasedAt);
        Assert.Equal(0, (await HubStatus.ReadAsync(rig.Database, ["servicedesk"], CancellationToken.None))[0].Parked);
        Assert.Equal([JournalOutcome.Parked, JournalOutcome.Released, JournalOutcome.Observed], await rig.OutcomesAsync());
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_transient_failure_waits_its_backoff_and_is_then_sent()
    {
        rig.Facility.Failure = AdapterException.Transient("facility", "HTTP 503 from Dataverse");
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        await rig.PollAsync("servicedesk");

        Assert.Equal(1, await rig.DispatchAsync());
        rig.Facility.Failure = null;
        var beforeBackoff = await rig.DispatchAsync();
        var waiting = (await rig.OutboxAsync())[0];
        rig.Clock.Advance(rig.Options.RetryDelay * 1.25); // past the delay and its jitter of at most a fifth

        Assert.Equal(0, beforeBackoff);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.InRange(waiting.NextAttemptAt, SyncRig.Start + rig.Options.RetryDelay, SyncRig.Start + (rig.Options.RetryDelay * 1.2));
        var queued = await HubStatus.ReadAsync(rig.Database, ["facility", "contractor"], CancellationToken.None);
        Assert.Equal([1, 1], queued.Select(q => q.Pending));
        Assert.All(queued, q => Assert.Equal(SyncRig.Start, q.OldestPendingSince));
        Assert.Equal(2, await rig.DispatchAllDueAsync());
        Assert.Single(rig.Facility.Created);
        Assert.Equal(2, (await rig.OutboxAsync())[0].Attempts);
    }
}

public sealed class SyncEngineOnSqliteTests() : SyncEngineTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class SyncEngineOnPostgresTests(PostgresServer server) : SyncEngineTests(server);
