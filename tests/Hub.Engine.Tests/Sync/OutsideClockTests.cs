using Hub.Abstractions.Mapping;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// Time from outside is evidence, not authority: a stamp another system's clock puts too far ahead of the hub's is
/// replaced by the hub's receive time for later-wins, and the clamp is journaled. Otherwise one mail dated 2099 would
/// freeze the field it set: every real change after it would lose "later wins" for good.
/// </summary>
public abstract class OutsideClockTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task When_a_reply_is_dated_2099_the_clamp_is_journaled_and_a_later_change_elsewhere_still_wins()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var stated = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var receivedAt = rig.Clock.Now;

        var reply = await rig.Intake.AcceptAsync("contractor", ExampleChain.Reply("reply-1", "accepted", stated), default);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var scheduled = await rig.Intake.AcceptAsync("facility", ExampleChain.FacilityStatus("f-1", "4", rig.Clock.Now), default);

        Assert.Equal(IntakeResult.Updated, reply);
        Assert.Equal(IntakeResult.Updated, scheduled);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CaseStatus.Scheduled), record.Status);
        var journal = await rig.ReadAsync(db => db.Journal.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.DoesNotContain(journal, e => e.Outcome == JournalOutcome.Conflict);
        var clamp = Assert.Single(journal, e => e.Kind == HubEvent.ClockClamped);
        Assert.Equal(JournalOutcome.Clamped, clamp.Outcome);
        Assert.Equal(ExampleChain.CaseId, clamp.CaseId);
        Assert.Equal("contractor", clamp.SourceSystem);
        Assert.Equal(ExampleChain.WorkOrder, clamp.SourceRecord);
        Assert.Equal(stated.ToString("O"), clamp.Before);
        Assert.Equal(receivedAt.ToString("O"), clamp.After);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_clock_slightly_ahead_keeps_its_stamp_and_only_a_stamp_beyond_the_tolerance_is_clamped()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        var slightlyAhead = rig.Clock.Now + OutsideClock.Tolerance - TimeSpan.FromSeconds(1);

        await rig.Intake.AcceptAsync("contractor", ExampleChain.Reply("reply-1", "accepted", slightlyAhead), default);
        var kept = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        await rig.Intake.AcceptAsync("contractor", ExampleChain.Reply("reply-2", "scheduled", rig.Clock.Now + OutsideClock.Tolerance + TimeSpan.FromSeconds(1)), default);
        var clamped = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());

        Assert.Equal(slightlyAhead, FieldStamps.Parse(kept.FieldStamps).Of(RouteFieldNames.Status)!.At);
        Assert.Equal(rig.Clock.Now, FieldStamps.Parse(clamped.FieldStamps).Of(RouteFieldNames.Status)!.At);
        Assert.Single(await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.Kind == HubEvent.ClockClamped).ToListAsync()));
    }

    [Fact]
    public async Task A_new_complaint_dated_in_the_future_opens_its_case_stamped_with_the_hubs_time()
    {
        var stated = rig.Clock.Now.AddYears(3);

        var opened = await rig.Intake.AcceptAsync("servicedesk", Complaint.Reported("td-1", "I 2026 101", stated), default);

        Assert.Equal(IntakeResult.Opened, opened);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(rig.Clock.Now, FieldStamps.Parse(record.FieldStamps).Of(RouteFieldNames.Title)!.At);
        var clamp = Assert.Single(await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.Kind == HubEvent.ClockClamped).ToListAsync()));
        Assert.Equal(record.Id, clamp.CaseId);
        Assert.Equal("I 2026 101", clamp.SourceRecord);
        await rig.AssertJournalIntactAsync();
    }
}

public sealed class OutsideClockOnSqliteTests() : OutsideClockTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class OutsideClockOnPostgresTests(PostgresServer server) : OutsideClockTests(server);
