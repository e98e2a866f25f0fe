using Hub.Engine.Tests.Sync;

namespace Hub.Engine.Tests.Journey;

/// <summary>
/// A contractor who does not answer within the route's expected time (one working day in the shipped routes): the reporter
/// reads "still waiting" once and the building manager's case gets a note, on a hand-moved clock over a real database.
/// The work order goes out on Friday 20 November 2026 at 09:00 in Amsterdam, so it is expected on Monday at 09:00.
/// </summary>
public abstract class OverdueStepTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private protected override bool WithMilestones => true;

    private static readonly DateTimeOffset MondayNineAmsterdam = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_overdue_contractor_is_told_to_the_reporter_once_and_noted_for_the_building_manager_however_often_it_is_checked()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        var overdue = rig.NewOverdueSteps();

        rig.Clock.AdjustTime(MondayNineAmsterdam - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await overdue.CheckAsync(CancellationToken.None));
        rig.Clock.AdjustTime(MondayNineAmsterdam + TimeSpan.FromMinutes(1));
        var first = await overdue.CheckAsync(CancellationToken.None);
        var again = await overdue.CheckAsync(CancellationToken.None);
        var bothNodes = await Task.WhenAll(rig.NewOverdueSteps().CheckAsync(CancellationToken.None), rig.NewOverdueSteps().CheckAsync(CancellationToken.None));
        await rig.DispatchAllDueAsync();

        Assert.Equal((1, 0, 0), (first, again, bothNodes.Sum()));
        var waiting = Assert.Single(StillWaiting());
        Assert.Equal("We wachten nog op de monteur; verwacht uiterlijk maandag 23-11 om 09:00. We houden het in de gaten.", waiting);
        var note = Assert.Single(rig.Facility.Applied, a => a.Comment is { IsPublic: false, Author: "hub" });
        Assert.Equal("Actie nodig: de monteur heeft nog niet gereageerd (verwacht uiterlijk maandag 23-11 om 09:00).", note.Comment!.Text);
        var journaled = await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.Kind == HubEvent.Milestone && e.Detail == "StillWaiting").ToListAsync());
        Assert.Equal(("contractor", "servicedesk", "I 2026 101"), (Assert.Single(journaled).SourceSystem, journaled[0].TargetSystem, journaled[0].TargetRecord));
    }

    [Fact]
    public async Task A_contractor_who_answered_in_time_is_not_chased()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Contractor.Report("mail-1", ExampleChain.Reply("reply-1", "accepted", rig.Clock.Now, "Akkoord"));
        await rig.PollAsync("contractor");

        rig.Clock.AdjustTime(MondayNineAmsterdam + TimeSpan.FromDays(3));

        Assert.Equal(0, await rig.NewOverdueSteps().CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_holiday_on_the_Monday_moves_the_expected_time_to_Tuesday()
    {
        rig.Options.Holidays.Add("2026-11-23");
        await ExampleChain.ReportedAndSentAsync(rig);
        var overdue = rig.NewOverdueSteps();

        rig.Clock.AdjustTime(MondayNineAmsterdam + TimeSpan.FromHours(12));
        Assert.Equal(0, await overdue.CheckAsync(CancellationToken.None));
        rig.Clock.AdjustTime(MondayNineAmsterdam + TimeSpan.FromDays(1));
        Assert.Equal(1, await overdue.CheckAsync(CancellationToken.None));
        await rig.DispatchAllDueAsync();

        Assert.Contains("dinsdag 24-11 om 09:00", Assert.Single(StillWaiting()), StringComparison.Ordinal);
    }

    private List<string> StillWaiting() =>
        [.. rig.ServiceDesk.Applied.Where(a => a.Comment is { IsPublic: true } c && c.Text.StartsWith("We wachten nog", StringComparison.Ordinal)).Select(a => a.Comment!.Text)];
}

public sealed class OverdueStepOnSqliteTests() : OverdueStepTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class OverdueStepOnPostgresTests(PostgresServer server) : OverdueStepTests(server);
