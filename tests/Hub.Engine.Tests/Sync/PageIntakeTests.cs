namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A page of changes is taken in a slice at a time, each slice in one transaction with a savepoint per change, and the
/// page's new watermark is stored in the same transaction as its last changes (<see cref="PageIntake"/>).
/// </summary>
public abstract class PageIntakeTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private static ObservedChange[] Complaints(int count, int from = 1) =>
        [.. Enumerable.Range(from, count).Select(n => Complaint.Reported($"td-{n}", $"I 2026 {n:D3}", SyncRig.Start))];

    private Task<string?> WatermarkAsync() =>
        rig.ReadAsync(db => db.Systems.Where(s => s.SystemName == "servicedesk").Select(s => s.Watermark).SingleOrDefaultAsync());

    [Fact]
    public async Task When_the_watermark_cannot_be_stored_the_pages_changes_are_not_kept_either_and_are_taken_in_when_read_again()
    {
        rig.ServiceDesk.Report("td-page-1");
        await rig.PollAsync("servicedesk");
        rig.ServiceDesk.Report("td-page-2", Complaints(3));
        rig.ServiceDesk.AfterRead = () => rig.Storage.ExecuteSqlAsync("ALTER TABLE system_state RENAME TO system_state_away"); // the page's changes can be written, its watermark cannot

        var failed = await rig.PollAsync("servicedesk");
        rig.ServiceDesk.AfterRead = null;
        await rig.Storage.ExecuteSqlAsync("ALTER TABLE system_state_away RENAME TO system_state");
        var keptAfterFailure = await rig.ReadAsync(db => db.Cases.CountAsync());
        rig.ServiceDesk.Report("td-page-2", Complaints(3)); // read again from the kept watermark
        var again = await rig.PollAsync("servicedesk");

        Assert.NotNull(failed.Error);
        Assert.Equal(0, keptAfterFailure); // the changes and the watermark commit together, or neither does
        Assert.Equal([null, "td-page-1", "td-page-1"], rig.ServiceDesk.WatermarksAsked);
        Assert.Equal(3, again[IntakeResult.Opened]);
        Assert.Equal(3, await rig.ReadAsync(db => db.Cases.CountAsync()));
        Assert.Equal("td-page-2", await WatermarkAsync());
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task When_a_page_is_longer_than_one_transaction_the_slices_committed_before_a_failure_stay_and_the_rest_is_taken_in_when_read_again()
    {
        var page = Complaints(PageIntake.MaxChangesPerTransaction + 5);
        rig.ServiceDesk.Report("td-page-1", page);
        rig.ServiceDesk.AfterRead = () => rig.Storage.ExecuteSqlAsync("ALTER TABLE system_state RENAME TO system_state_away");

        var failed = await rig.PollAsync("servicedesk");
        rig.ServiceDesk.AfterRead = null;
        await rig.Storage.ExecuteSqlAsync("ALTER TABLE system_state_away RENAME TO system_state");
        rig.ServiceDesk.Report("td-page-1", page);
        var again = await rig.PollAsync("servicedesk");

        Assert.NotNull(failed.Error);
        Assert.Equal(PageIntake.MaxChangesPerTransaction, failed[IntakeResult.Opened]); // the first slice committed
        Assert.Equal(PageIntake.MaxChangesPerTransaction, again[IntakeResult.Duplicate]); // the inbox drops what it kept
        Assert.Equal(5, again[IntakeResult.Opened]);
        Assert.Equal(page.Length, await rig.ReadAsync(db => db.Cases.CountAsync()));
        Assert.Equal("td-page-1", await WatermarkAsync());
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_change_set_aside_in_the_middle_of_a_page_leaves_nothing_behind_for_the_next_change_and_no_gap_in_the_hub_ids()
    {
        await TitleLimit.AddAsync(rig.Storage);
        var page = Complaints(5);
        page[2] = TitleLimit.TooLong(page[2]); // fails in its save, after its hub id, links and commands were made
        rig.ServiceDesk.Report("td-page-1", page);

        var polled = await rig.PollAsync("servicedesk");

        Assert.Null(polled.Error);
        Assert.Equal(4, polled[IntakeResult.Opened]);
        Assert.Equal(1, polled[IntakeResult.Quarantined]);
        var cases = await rig.ReadAsync(db => db.Cases.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(["HUB-2026-000001", "HUB-2026-000002", "HUB-2026-000003", "HUB-2026-000004"], cases);
        Assert.DoesNotContain(await rig.ReadAsync(db => db.Links.Select(l => l.ExternalId).ToListAsync()), id => id == "td-3");
        Assert.All(await rig.OutboxAsync(), command => Assert.Contains(command.CaseId, cases));
        Assert.Equal(4, (await rig.OutboxAsync()).Select(c => c.CaseId).Distinct().Count());
        Assert.Equal("I 2026 003", Assert.Single(await rig.JournalAsync(), j => j.Outcome == JournalOutcome.Quarantined).SourceRecord);
        Assert.Equal("td-page-1", await WatermarkAsync());
        await rig.AssertJournalIntactAsync();
    }
}

public sealed class PageIntakeOnSqliteTests() : PageIntakeTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class PageIntakeOnPostgresTests(PostgresServer server) : PageIntakeTests(server);
