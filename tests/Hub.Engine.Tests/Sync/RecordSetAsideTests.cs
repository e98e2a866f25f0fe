using Hub.Engine.Audit;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// One record the hub cannot read or take in is set aside with its reason in the journal, once per record version,
/// and the rest of the poll goes on; a failure of the hub's own database stops the poll and keeps the watermark.
/// </summary>
public abstract class RecordSetAsideTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private static UnreadableRecord BrokenIncident(string version = "20261120T080000.000Z#5d41402abc4b") =>
        new("td-2", "I 2026 102", version, "incident I 2026 102: field 'priority' should be an object like {\"id\", \"name\"}, not a number");

    [Fact]
    public async Task A_record_the_adapter_could_not_read_is_journaled_once_with_its_reason_and_the_rest_of_the_poll_goes_on()
    {
        var page = new ChangeBatch([Complaint.Reported("td-1", "I 2026 101", SyncRig.Start), Complaint.Reported("td-3", "I 2026 103", SyncRig.Start)], "td-page-1")
        {
            Unreadable = [BrokenIncident()],
        };
        rig.ServiceDesk.Report(page);
        rig.ServiceDesk.Report(page with { NextWatermark = "td-page-2" }); // the overlap reads the same records again

        var first = await rig.PollAsync("servicedesk");
        var second = await rig.PollAsync("servicedesk");
        await rig.PollAsync("servicedesk");

        Assert.Null(first.Error);
        Assert.Equal(2, first[IntakeResult.Opened]);
        Assert.Equal(1, first[IntakeResult.Quarantined]);
        Assert.Equal(0, second[IntakeResult.Quarantined]);
        Assert.Equal([null, "td-page-1", "td-page-2"], rig.ServiceDesk.WatermarksAsked);
        var setAside = Assert.Single(await rig.JournalAsync(), j => j.Outcome == JournalOutcome.Quarantined);
        Assert.Equal(HubEvent.Unreadable, setAside.Kind);
        Assert.Equal("servicedesk", setAside.SourceSystem);
        Assert.Equal("I 2026 102", setAside.SourceRecord);
        Assert.Equal(BrokenIncident().Reason, setAside.Error);
        Assert.Contains("td-2", setAside.Detail, StringComparison.Ordinal);
        var logged = await rig.ReadAsync(db => JournalQuery.Filtered(db, new JournalFilter { System = "servicedesk", Outcome = "quarantined" }).ToListAsync());
        Assert.Equal(setAside.Sequence, Assert.Single(logged).Sequence);
        Assert.Equal(2, await rig.ReadAsync(db => db.Cases.CountAsync()));
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_later_version_of_a_record_that_still_cannot_be_read_is_journaled_again()
    {
        rig.ServiceDesk.Report(new ChangeBatch([], "td-page-1") { Unreadable = [BrokenIncident()] });
        rig.ServiceDesk.Report(new ChangeBatch([], "td-page-2") { Unreadable = [BrokenIncident("20261120T090000.000Z#aaaaaaaaaaaa")] });
        rig.ServiceDesk.Report(new ChangeBatch([], "td-page-3") { Unreadable = [BrokenIncident() with { Version = null }] });
        rig.ServiceDesk.Report(new ChangeBatch([], "td-page-4") { Unreadable = [BrokenIncident() with { Version = null }] });

        for (var poll = 0; poll < 4; poll++)
        {
            await rig.PollAsync("servicedesk");
        }

        Assert.Equal(3, (await rig.JournalAsync()).Count(j => j.Outcome == JournalOutcome.Quarantined)); // without a version, the reason stands for it
        Assert.Equal("td-page-4", await rig.ReadAsync(db => db.Systems.Where(s => s.SystemName == "servicedesk").Select(s => s.Watermark).SingleAsync()));
    }

    [Fact]
    public async Task A_change_the_hub_cannot_take_in_is_set_aside_with_its_reason_and_the_next_change_of_the_poll_is_taken_in()
    {
        var cannotBeKept = Complaint.Reported("td-2", "I 2026 102", SyncRig.Start) with { Version = null! }; // refused by the database for its content
        var page = new[] { Complaint.Reported("td-1", "I 2026 101", SyncRig.Start), cannotBeKept, Complaint.Reported("td-3", "I 2026 103", SyncRig.Start) };
        rig.ServiceDesk.Report("td-page-1", page);
        rig.ServiceDesk.Report("td-page-2", page);

        var first = await rig.PollAsync("servicedesk");
        var second = await rig.PollAsync("servicedesk");
        await rig.PollAsync("servicedesk");

        Assert.Null(first.Error);
        Assert.Equal(2, first[IntakeResult.Opened]);
        Assert.Equal(1, first[IntakeResult.Quarantined]);
        Assert.Equal(0, second[IntakeResult.Quarantined]);
        Assert.Equal([null, "td-page-1", "td-page-2"], rig.ServiceDesk.WatermarksAsked);
        var setAside = Assert.Single(await rig.JournalAsync(), j => j.Outcome == JournalOutcome.Quarantined);
        Assert.Equal("Created", setAside.Kind);
        Assert.Equal("servicedesk", setAside.SourceSystem);
        Assert.Equal("I 2026 102", setAside.SourceRecord);
        Assert.Contains("Version", setAside.Error, StringComparison.Ordinal); // the database's own words: the column it refused
        Assert.Equal(2, await rig.ReadAsync(db => db.Cases.CountAsync()));
        Assert.Null((await HubStatus.ReadAsync(rig.Database, ["servicedesk"], CancellationToken.None))[0].LastError);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_change_the_database_refuses_for_its_content_is_set_aside_and_the_rest_of_the_poll_is_taken_in()
    {
        await TitleLimit.AddAsync(rig.Storage);
        var tooLong = TitleLimit.TooLong(Complaint.Reported("td-2", "I 2026 102", SyncRig.Start));
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start), tooLong, Complaint.Reported("td-3", "I 2026 103", SyncRig.Start));

        var polled = await rig.PollAsync("servicedesk");

        Assert.Null(polled.Error);
        Assert.Equal(2, polled[IntakeResult.Opened]);
        Assert.Equal(1, polled[IntakeResult.Quarantined]);
        var setAside = Assert.Single(await rig.JournalAsync(), j => j.Outcome == JournalOutcome.Quarantined);
        Assert.Equal("I 2026 102", setAside.SourceRecord);
        Assert.Contains(rig.Storage.Provider == DatabaseProvider.Sqlite ? "at most 200 characters" : "cases_title_limit", setAside.Error, StringComparison.Ordinal);
        Assert.Equal("td-page-1", await rig.ReadAsync(db => db.Systems.Where(s => s.SystemName == "servicedesk").Select(s => s.Watermark).SingleAsync()));
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task When_the_hubs_database_fails_during_a_poll_no_change_is_set_aside_and_the_watermark_stays()
    {
        rig.ServiceDesk.Report("td-page-1");
        await rig.PollAsync("servicedesk");
        rig.ServiceDesk.Report("td-page-2", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        rig.ServiceDesk.AfterRead = () => rig.Storage.ExecuteSqlAsync("ALTER TABLE cases RENAME TO cases_away"); // intake fails, the inbox and journal still work: a change wrongly set aside would show

        var failed = await rig.PollAsync("servicedesk");
        rig.ServiceDesk.AfterRead = null;
        await rig.Storage.ExecuteSqlAsync("ALTER TABLE cases_away RENAME TO cases");
        rig.ServiceDesk.Report("td-page-2", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start)); // read again from the kept watermark
        var again = await rig.PollAsync("servicedesk");

        Assert.NotNull(failed.Error);
        Assert.Contains("cases", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, failed[IntakeResult.Quarantined]);
        Assert.Equal([null, "td-page-1", "td-page-1"], rig.ServiceDesk.WatermarksAsked);
        Assert.Equal(1, again[IntakeResult.Opened]);
        Assert.DoesNotContain(await rig.JournalAsync(), j => j.Outcome == JournalOutcome.Quarantined);
        await rig.AssertJournalIntactAsync();
    }
}

public sealed class RecordSetAsideOnSqliteTests() : RecordSetAsideTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class RecordSetAsideOnPostgresTests(PostgresServer server) : RecordSetAsideTests(server);
