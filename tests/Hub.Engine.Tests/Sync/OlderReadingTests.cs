namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A record can be read twice at nearly the same moment: by the poll, paging through a backlog, and at once on its
/// webhook. The poll's page may have been read before the record changed and be taken in after the webhook's newer
/// reading; that older reading must not roll the case back, and the change after it must still count.
/// </summary>
public abstract class OlderReadingTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task An_older_reading_of_a_record_taken_in_after_a_newer_one_does_not_roll_the_case_back()
    {
        var reportedAt = rig.Clock.Now;
        await ExampleChain.ReportedAndSentAsync(rig);
        var pageReadAt = reportedAt.AddMinutes(1); // the poll's page: still "Hoog"
        var changedAt = reportedAt.AddMinutes(2); // an employee makes it "Spoed"; the webhook's read sees that
        rig.Clock.Advance(TimeSpan.FromMinutes(3));

        var newer = await rig.Intake.AcceptAsync("servicedesk", Reading("2", changedAt, "Spoed", "Het toilet loopt nu echt over."), default);
        await rig.DispatchAllDueAsync();
        await rig.Intake.AcceptAsync("servicedesk", Reading("1b", pageReadAt, "Hoog", "Het toilet bij de kantine loopt over (bijna)."), default);
        await rig.DispatchAllDueAsync();

        Assert.Equal(IntakeResult.Updated, newer);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CasePriority.Urgent), record.Priority);
        Assert.Equal("Het toilet loopt nu echt over.", record.Description);
        Assert.All(rig.Facility.Applied, c => Assert.NotEqual(CasePriority.High, c.Fields.Priority));
        Assert.Equal("Het toilet loopt nu echt over.", rig.Facility.Applied.Last(c => c.Fields.Description is not null).Fields.Description);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_reading_after_the_newer_one_still_changes_the_case()
    {
        var reportedAt = rig.Clock.Now;
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Clock.Advance(TimeSpan.FromMinutes(4));

        await rig.Intake.AcceptAsync("servicedesk", Reading("2", reportedAt.AddMinutes(2), "Spoed", "Het toilet loopt nu echt over."), default);
        await rig.Intake.AcceptAsync("servicedesk", Reading("1b", reportedAt.AddMinutes(1), "Hoog", "Het toilet bij de kantine loopt over."), default);
        var later = await rig.Intake.AcceptAsync("servicedesk", Reading("3", reportedAt.AddMinutes(3), "Laag", "Het was een verstopte afvoer."), default);

        Assert.Equal(IntakeResult.Updated, later);
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(nameof(CasePriority.Low), record.Priority);
        Assert.Equal("Het was een verstopte afvoer.", record.Description);
    }

    /// <summary>A snapshot of the service desk's incident td-1 as read at some moment.</summary>
    private static ObservedChange Reading(string version, DateTimeOffset modifiedAt, string priority, string description) =>
        Complaint.Reported("td-1", "I 2026 101", modifiedAt, version) with
        {
            Kind = ChangeKind.FieldsChanged,
            Fields = new CaseFields { Title = "Toilet verstopt 2e verdieping", Description = description },
            RawValues = new Dictionary<string, string>
            {
                [MappedField.Status] = "Geregistreerd",
                [MappedField.Priority] = priority,
                [MappedField.Category] = "Facilitair",
                [MappedField.Subcategory] = "Sanitair",
            },
        };
}

public sealed class OlderReadingOnSqliteTests() : OlderReadingTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class OlderReadingOnPostgresTests(PostgresServer server) : OlderReadingTests(server);
