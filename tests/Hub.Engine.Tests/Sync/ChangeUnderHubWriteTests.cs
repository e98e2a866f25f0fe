namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A TOPdesk operator changes an incident, and before the hub's next poll the hub itself writes to the same incident:
/// the snapshot the hub then reads was modified last by the hub's own account. The fields the hub wrote are its echo;
/// the operator's change must still be taken up, not dropped with the echo.
/// </summary>
public abstract class ChangeUnderHubWriteTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task A_priority_changed_just_before_the_hubs_own_write_is_taken_up_and_the_written_status_stays_an_echo()
    {
        await OpenAndScheduleAsync();

        var result = await rig.Intake.AcceptAsync("servicedesk", Incident("3", status: "Ingepland", priority: "Spoed", byHub: true), default);

        Assert.Equal(IntakeResult.Updated, result);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CasePriority.Urgent), record.Priority);
        Assert.Equal(nameof(CaseStatus.Scheduled), record.Status);
        var observed = await rig.ReadAsync(db => db.Journal.AsNoTracking()
            .Where(e => e.SourceSystem == "servicedesk" && e.Outcome == JournalOutcome.Observed).OrderBy(e => e.Sequence).LastAsync());
        Assert.Contains("just before the hub's own write (priority)", observed.Detail, StringComparison.Ordinal);
        await rig.DispatchAllDueAsync();
        Assert.Contains(rig.Facility.Applied, c => c.Fields.Priority == CasePriority.Urgent && c.Fields.Status is null);
    }

    [Fact]
    public async Task A_read_back_of_only_what_the_hub_wrote_is_an_echo_even_where_the_value_map_cannot_round_trip()
    {
        await OpenAndScheduleAsync();
        Assert.Equal(IntakeResult.Updated, await rig.Intake.AcceptAsync("contractor", ScheduledComplaint.Accepted(rig), default));
        await rig.DispatchAllDueAsync();
        Assert.Equal("In behandeling", rig.ServiceDesk.Applied.Last().TargetValues[MappedField.Status]); // reads back as InProgress

        var first = await rig.Intake.AcceptAsync("servicedesk", Incident("3", status: "In behandeling", priority: "Hoog", byHub: true), default);
        var again = await rig.Intake.AcceptAsync("servicedesk", Incident("4", status: "In behandeling", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, first);
        Assert.Equal(IntakeResult.Echo, again);
    }

    [Fact]
    public async Task A_reading_older_than_the_hubs_latest_write_leaves_that_write_noted_and_its_read_back_stays_an_echo()
    {
        var older = await InBehandelingWrittenAfterAReadingOfIngeplandAsync();

        // Another node's poll read the incident before "In behandeling" landed and is taken in only now: it shows the
        // hub's earlier write. It is an echo, and it must not settle the note of the later write.
        Assert.Equal(IntakeResult.Echo, await rig.Intake.AcceptAsync("servicedesk", older, default));
        var readBack = await rig.Intake.AcceptAsync("servicedesk", Incident("4", status: "In behandeling", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, readBack);
        var journal = await rig.JournalAsync();
        Assert.DoesNotContain(journal, e => e.Detail?.Contains("just before the hub's own write", StringComparison.Ordinal) == true);
        Assert.Equal(nameof(CaseStatus.Accepted), (await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync())).Status);
    }

    [Fact]
    public async Task A_reading_older_than_the_read_back_of_the_hubs_latest_write_taken_in_after_it_is_not_someone_elses_change()
    {
        var older = await InBehandelingWrittenAfterAReadingOfIngeplandAsync();
        Assert.Equal(IntakeResult.Echo, await rig.Intake.AcceptAsync("servicedesk", Incident("4", status: "In behandeling", priority: "Hoog", byHub: true), default));

        // A slower poll read the incident before "In behandeling" landed; it is taken in after the read-back.
        var result = await rig.Intake.AcceptAsync("servicedesk", older, default);

        Assert.Equal(IntakeResult.Echo, result);
        var journal = await rig.JournalAsync();
        Assert.DoesNotContain(journal, e => e.Detail?.Contains("just before the hub's own write", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_write_read_back_in_another_form_is_settled_by_a_reading_modified_after_it_so_a_later_change_by_others_counts()
    {
        await OpenAndScheduleAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await AcceptedByTheContractorAsync(); // "In behandeling" noted and written

        // TOPdesk shows the write in another form (a workflow of its own moved the status on): the value never matches
        // the note, but the record was modified after the hub noted its write, so this reading is the write's read-back.
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(IntakeResult.Echo, await rig.Intake.AcceptAsync("servicedesk", Incident("3", status: "Ingepland", priority: "Hoog", byHub: true), default));

        // An operator then sets "Gereed", and a hub write hides it: the status is no longer the hub's, so it is taken as
        // the operator's change. The building manager owns the status, so the hub keeps its value and journals why.
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await rig.Intake.AcceptAsync("servicedesk", Incident("4", status: "Gereed", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Unchanged, result);
        var conflict = Assert.Single(await rig.JournalAsync(), e => e.Outcome == JournalOutcome.Conflict);
        Assert.Equal("Resolved", conflict.After);
        Assert.Contains("'facility' owns status", conflict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_earlier_reading_a_snapshot_by_the_hubs_account_is_wholly_an_echo()
    {
        var result = await rig.Intake.AcceptAsync("servicedesk", Incident("1", status: "Geregistreerd", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, result);
    }

    private Task OpenAndScheduleAsync() => ScheduledComplaint.OpenAndScheduleAsync(rig);

    /// <summary>
    /// "Ingepland" written to TOPdesk and not read back, then "In behandeling" noted and written a minute later; returns
    /// a reading of the incident as it was between the two writes (modified by the hub, showing "Ingepland").
    /// </summary>
    private async Task<ObservedChange> InBehandelingWrittenAfterAReadingOfIngeplandAsync()
    {
        await OpenAndScheduleAsync();
        var scheduledAt = rig.Clock.Now;
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await AcceptedByTheContractorAsync();
        return ScheduledComplaint.Incident(rig, "3", status: "Ingepland", priority: "Hoog", byHub: true) with { OccurredAt = scheduledAt };
    }

    /// <summary>The contractor accepts: the hub writes "In behandeling" to TOPdesk (and the status to Dynamics).</summary>
    private async Task AcceptedByTheContractorAsync()
    {
        Assert.Equal(IntakeResult.Updated, await rig.Intake.AcceptAsync("contractor", ScheduledComplaint.Accepted(rig), default));
        await rig.DispatchAllDueAsync();
        Assert.Equal("In behandeling", rig.ServiceDesk.Applied.Last().TargetValues[MappedField.Status]);
    }

    private ObservedChange Incident(string version, string status, string priority, bool byHub) =>
        ScheduledComplaint.Incident(rig, version, status, priority, byHub);
}

public sealed class ChangeUnderHubWriteOnSqliteTests() : ChangeUnderHubWriteTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class ChangeUnderHubWriteOnPostgresTests(PostgresServer server) : ChangeUnderHubWriteTests(server);
