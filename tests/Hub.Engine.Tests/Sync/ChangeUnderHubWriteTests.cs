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
        var accepted = new ObservedChange
        {
            ExternalId = "contractor-id-001", Version = "reply-1", Kind = ChangeKind.StatusChanged, OccurredAt = rig.Clock.Now,
            Fields = new CaseFields { Status = CaseStatus.Accepted }, Actor = "Loodgieter Jansen",
        };
        Assert.Equal(IntakeResult.Updated, await rig.Intake.AcceptAsync("contractor", accepted, default));
        await rig.DispatchAllDueAsync();
        Assert.Equal("In behandeling", rig.ServiceDesk.Applied.Last().TargetValues[MappedField.Status]); // reads back as InProgress

        var first = await rig.Intake.AcceptAsync("servicedesk", Incident("3", status: "In behandeling", priority: "Hoog", byHub: true), default);
        var again = await rig.Intake.AcceptAsync("servicedesk", Incident("4", status: "In behandeling", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, first);
        Assert.Equal(IntakeResult.Echo, again);
    }

    [Fact]
    public async Task Without_an_earlier_reading_a_snapshot_by_the_hubs_account_is_wholly_an_echo()
    {
        var result = await rig.Intake.AcceptAsync("servicedesk", Incident("1", status: "Geregistreerd", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, result);
    }

    private Task OpenAndScheduleAsync() => ScheduledComplaint.OpenAndScheduleAsync(rig);

    private ObservedChange Incident(string version, string status, string priority, bool byHub) =>
        ScheduledComplaint.Incident(rig, version, status, priority, byHub);
}

public sealed class ChangeUnderHubWriteOnSqliteTests() : ChangeUnderHubWriteTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class ChangeUnderHubWriteOnPostgresTests(PostgresServer server) : ChangeUnderHubWriteTests(server);
