namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A change parked for a value no mapping knew is released after the mapping learns it. By then the same record may
/// have changed again: what a later reading of the record replaced is dropped (journaled as superseded), never played
/// over the newer value; what nothing replaced (a field no later reading touched, the words of a reply) still counts.
/// </summary>
public abstract class ParkedReleaseTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task A_parked_status_released_after_a_newer_status_of_the_same_record_is_dropped_as_superseded()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var parked = await rig.Intake.AcceptAsync("facility", ExampleChain.FacilityStatus("f-1", "7", rig.Clock.Now), default);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await rig.Intake.AcceptAsync("facility", ExampleChain.FacilityStatus("f-2", "1", rig.Clock.Now), default);
        await rig.DispatchAllDueAsync();
        rig.MappingFiles.Edit(
            "values.facility.json",
            "{ \"value\": \"2\", \"canonical\": \"Waiting\", \"description\": \"On Hold\" },",
            "{ \"value\": \"2\", \"canonical\": \"Waiting\", \"description\": \"On Hold\" }, { \"value\": \"7\", \"canonical\": \"Waiting\", \"direction\": \"inbound\" },");
        rig.ReloadMappings();
        rig.Clock.Advance(TimeSpan.FromMinutes(5));

        var released = await rig.Intake.ReleaseParkedAsync(CancellationToken.None);
        await rig.DispatchAllDueAsync();

        Assert.Equal(IntakeResult.Parked, parked);
        Assert.Equal(IntakeResult.Updated, newer);
        Assert.Equal(1, released);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CaseStatus.InProgress), record.Status);
        Assert.DoesNotContain(rig.ServiceDesk.Applied, a => a.Fields.Status == CaseStatus.Waiting);
        var row = await rig.ReadAsync(db => db.Parked.AsNoTracking().SingleAsync());
        Assert.Equal(rig.Clock.Now, row.ReleasedAt);
        Assert.Contains("superseded", row.Reason, StringComparison.Ordinal);
        var last = await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.SourceSystem == "facility").OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal(HubEvent.Superseded, last.Kind);
        Assert.Equal(JournalOutcome.Discarded, last.Outcome);
        Assert.Equal(ExampleChain.CaseId, last.CaseId);
        Assert.Equal("FACILITY-001", last.SourceRecord);
        Assert.Contains("status", last.Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await HubStatus.ReadAsync(rig.Database, ["facility"], CancellationToken.None))[0].Parked);
        Assert.Equal(0, await rig.Intake.ReleaseParkedAsync(CancellationToken.None));
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task Of_two_parked_statuses_of_one_record_only_the_newer_is_taken_up()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await rig.Intake.AcceptAsync("facility", ExampleChain.FacilityStatus("f-1", "7", rig.Clock.Now), default);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await rig.Intake.AcceptAsync("facility", ExampleChain.FacilityStatus("f-2", "8", rig.Clock.Now), default);
        rig.MappingFiles.Edit(
            "values.facility.json",
            "{ \"value\": \"2\", \"canonical\": \"Waiting\", \"description\": \"On Hold\" },",
            "{ \"value\": \"2\", \"canonical\": \"Waiting\", \"description\": \"On Hold\" }, { \"value\": \"7\", \"canonical\": \"Waiting\", \"direction\": \"inbound\" }, { \"value\": \"8\", \"canonical\": \"InProgress\", \"direction\": \"inbound\" },");
        rig.ReloadMappings();

        var released = await rig.Intake.ReleaseParkedAsync(CancellationToken.None);
        await rig.DispatchAllDueAsync();

        Assert.Equal(2, released);
        Assert.Equal(nameof(CaseStatus.InProgress), (await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync())).Status);
        Assert.DoesNotContain(rig.ServiceDesk.Applied, a => a.Fields.Status == CaseStatus.Waiting);
        var outcomes = await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.SourceSystem == "facility").OrderBy(e => e.Sequence).Select(e => e.Kind + "/" + e.Outcome).ToListAsync());
        Assert.Equal(["StatusChanged/Parked", "StatusChanged/Parked", "Superseded/Discarded", "StatusChanged/Released", "StatusChanged/Observed"], outcomes);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_parked_reply_whose_status_was_superseded_still_brings_its_words_to_the_chain()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var parked = await rig.Intake.AcceptAsync("contractor", ExampleChain.Reply("reply-1", "wacht", rig.Clock.Now, "Onderdeel besteld, kom donderdag terug."), default);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await rig.Intake.AcceptAsync("contractor", ExampleChain.Reply("reply-2", "scheduled", rig.Clock.Now), default);
        rig.MappingFiles.Edit(
            "values.contractor.json",
            "{ \"value\": \"accepted\", \"canonical\": \"Accepted\" },",
            "{ \"value\": \"accepted\", \"canonical\": \"Accepted\" }, { \"value\": \"wacht\", \"canonical\": \"Waiting\" },");
        rig.ReloadMappings();

        var released = await rig.Intake.ReleaseParkedAsync(CancellationToken.None);
        await rig.DispatchAllDueAsync();

        Assert.Equal(IntakeResult.Parked, parked);
        Assert.Equal(IntakeResult.Updated, newer);
        Assert.Equal(1, released);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CaseStatus.Scheduled), record.Status);
        Assert.Contains(rig.Facility.Applied, a => a.Comment?.Text == "Onderdeel besteld, kom donderdag terug.");
        Assert.DoesNotContain(rig.Facility.Applied, a => a.Fields.Status == CaseStatus.Waiting);
        var journal = await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.SourceSystem == "contractor").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Contains(journal, e => e.Kind == HubEvent.Superseded && e.Detail!.Contains("status", StringComparison.Ordinal));
        Assert.Contains(journal, e => e.Kind == nameof(ChangeKind.CommentAdded) && e.Outcome == JournalOutcome.Observed);
        await rig.AssertJournalIntactAsync();
    }
}

public sealed class ParkedReleaseOnSqliteTests() : ParkedReleaseTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class ParkedReleaseOnPostgresTests(PostgresServer server) : ParkedReleaseTests(server);
