using Hub.Engine.Tests.Sync;

namespace Hub.Engine.Tests.Journey;

/// <summary>
/// What the reporter reads in the origin ticket as the complaint travels the example chain (engine, shipped mappings, real
/// database): each milestone once, in order, in the case's language, and none of the contractor's own mail.
/// </summary>
public abstract class JourneyMilestoneTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private protected override bool WithMilestones => true;

    private const string Signature = "Met vriendelijke groet, Jan de Vries, Loodgietersbedrijf De Vries";

    /// <summary>Tuesday 24 November 08:00–11:00 in Amsterdam.</summary>
    private static readonly AppointmentWindow Visit = new(
        new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_reporter_reads_each_milestone_once_in_order_in_Dutch_and_none_of_the_contractors_mail()
    {
        await ReportAndAnswerAsync();

        Assert.Equal(
            [
                "Uw melding is doorgestuurd naar de gebouwbeheerder.",
                "De gebouwbeheerder heeft een monteur ingeschakeld.",
                "De monteur heeft de opdracht aangenomen.",
                "Monteur komt dinsdag 24-11 tussen 08:00 en 11:00",
                "De monteur meldt dat het werk klaar is.",
            ],
            ReporterReads());
        Assert.DoesNotContain(rig.ServiceDesk.Applied, a => (a.Comment?.Text ?? a.Fields.Resolution ?? string.Empty).Contains("Jan de Vries", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.ServiceDesk.Applied, a => a.Fields.Resolution is not null);
        Assert.Contains(rig.Facility.Applied, a => a.Fields.Resolution?.Contains("Sifon vervangen", StringComparison.Ordinal) == true);
        Assert.Equal(["Forwarded", "WorkOrderSent", "Accepted", "Appointment", "Done"], await MilestonesJournaledAsync());
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_contractor_who_answers_in_English_makes_the_reporter_read_English()
    {
        rig.MappingFiles.Edit("contractors.json", "\"language\": \"nl\",\n      \"subcategories\": [ \"Sanitair\" ]", "\"language\": \"en\",\n      \"subcategories\": [ \"Sanitair\" ]");
        rig.ReloadMappings();

        await ReportAndAnswerAsync();

        Assert.Equal(
            [
                "Your report has been passed on to the building manager.",
                "The building manager has called in an engineer.",
                "The engineer has accepted the job.",
                "Engineer visits Tuesday 24-11 between 08:00 and 11:00",
                "The engineer reports that the work is done.",
            ],
            ReporterReads());
    }

    [Fact]
    public async Task An_answer_said_again_in_a_new_mail_adds_no_milestone()
    {
        await ReportAndAnswerAsync();
        var before = ReporterReads().Count;

        rig.Contractor.Report("mail-9", Reply("reply-accepted-again", "accepted", "Akkoord, nogmaals."));
        rig.Contractor.Report("mail-10", Scheduled("reply-scheduled-again"));
        await rig.PollAsync("contractor");
        await rig.PollAsync("contractor");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromDays(7));
        await rig.NewOverdueSteps().CheckAsync(CancellationToken.None); // the case is resolved: nothing is awaited

        Assert.Equal(before, ReporterReads().Count);
        Assert.Equal(5, (await MilestonesJournaledAsync()).Count);
    }

    [Fact]
    public async Task When_the_contractor_refuses_the_reporter_hears_someone_else_is_found_and_the_building_manager_that_it_needs_action()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Contractor.Report("mail-1", Reply("reply-refused", "refused", "Helaas, deze opdracht kunnen wij niet aannemen."));
        rig.Contractor.Report("mail-2", Reply("reply-refused-again", "refused", "Nogmaals: geweigerd."));

        await rig.PollAsync("contractor");
        await rig.PollAsync("contractor");
        await rig.DispatchAllDueAsync();

        Assert.Equal("De monteur kan de opdracht niet aannemen. De gebouwbeheerder zoekt een andere monteur.", ReporterReads()[^1]);
        Assert.Single(ReporterReads(), t => t.Contains("niet aannemen", StringComparison.Ordinal));
        var note = Assert.Single(rig.Facility.Applied, a => a.Comment is { IsPublic: false, Author: "hub" });
        Assert.StartsWith("Actie nodig: de monteur heeft de werkorder geweigerd.", note.Comment!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_contractor_waits_for_parts_the_reporter_hears_of_the_delay()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Contractor.Report("mail-1", Reply("reply-delayed", "delayed", "We wachten op onderdelen."));

        await rig.PollAsync("contractor");
        await rig.DispatchAllDueAsync();

        Assert.StartsWith("Het werk loopt vertraging op", ReporterReads()[^1], StringComparison.Ordinal);
        Assert.Contains(rig.ServiceDesk.Applied, a => a.TargetValues.TryGetValue(MappedField.Status, out var s) && s == "Wachten op leverancier");
    }

    private async Task ReportAndAnswerAsync()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Clock.Advance(TimeSpan.FromHours(1));
        rig.Contractor.Report("mail-1", Reply("reply-accepted", "accepted", "Akkoord, we pakken het op."));
        await rig.PollAsync("contractor");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(1));
        rig.Contractor.Report("mail-2", Scheduled("reply-scheduled"));
        await rig.PollAsync("contractor");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromDays(4));
        rig.Contractor.Report("mail-3", Complaint.Done(ExampleChain.WorkOrder, rig.Clock.Now));
        await rig.PollAsync("contractor");
        await rig.DispatchAllDueAsync();
    }

    private ObservedChange Reply(string version, string status, string words) =>
        ExampleChain.Reply(version, status, rig.Clock.Now, words + "\n" + Signature) with { Comment = new CaseComment(words + "\n" + Signature, IsPublic: false, "Jan de Vries") };

    private ObservedChange Scheduled(string version) => new()
    {
        ExternalId = ExampleChain.WorkOrder, Version = version, Kind = ChangeKind.AppointmentSet, OccurredAt = rig.Clock.Now,
        Fields = new CaseFields { Appointment = Visit },
        RawValues = new Dictionary<string, string> { [MappedField.Status] = "scheduled" },
        Comment = new CaseComment("gepland di 24-11 08:00-11:00\n" + Signature, IsPublic: false, "Jan de Vries"),
    };

    /// <summary>The caller-visible entries written to the service desk's incident, in the order they were sent.</summary>
    private List<string> ReporterReads() =>
        [.. rig.ServiceDesk.Applied.Where(a => a.Comment is { IsPublic: true }).Select(a => a.Comment!.Text)];

    private Task<List<string?>> MilestonesJournaledAsync() =>
        rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.Kind == HubEvent.Milestone).OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync());
}

public sealed class JourneyMilestoneOnSqliteTests() : JourneyMilestoneTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class JourneyMilestoneOnPostgresTests(PostgresServer server) : JourneyMilestoneTests(server);
