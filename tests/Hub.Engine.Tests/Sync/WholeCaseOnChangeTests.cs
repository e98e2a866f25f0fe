namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A change of a case's fields goes out with the whole case and the records before the target's, as a create does,
/// so a target that composes one text of several fields (the Dynamics description) can write it whole again instead
/// of only the new text.
/// </summary>
public abstract class WholeCaseOnChangeTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task When_the_employee_adds_to_the_request_the_change_carries_the_whole_case_and_the_records_before_the_target()
    {
        var reported = Complaint.Reported("td-1", "I 2026 101", SyncRig.Start);
        var fields = reported.Fields with
        {
            Reporter = new CaseReporter("Jan Jansen", "jan@tenant.example", null),
            Location = new CaseLocation("Utrecht Central", "Tower B", "3", "3.14"),
        };
        rig.ServiceDesk.Report("td-page-1", reported with { Fields = fields });
        await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(1));
        var added = "Het water staat nu ook in de gang.\n\n" + fields.Description;
        rig.ServiceDesk.Report("td-page-2", reported with
        {
            Version = "2", Kind = ChangeKind.FieldsChanged, OccurredAt = rig.Clock.Now, Fields = fields with { Description = added },
        });

        await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();

        var change = Assert.Single(rig.Facility.Applied, a => a.Kind == ChangeKind.FieldsChanged);
        Assert.Equal(added, change.Fields.Description);
        Assert.Null(change.Fields.Reporter); // the change itself still says only what changed
        Assert.NotNull(change.WholeCase);
        Assert.Equal(added, change.WholeCase.Description);
        Assert.Equal(fields.Reporter, change.WholeCase.Reporter);
        Assert.Equal(fields.Location, change.WholeCase.Location);
        Assert.Equal(fields.Title, change.WholeCase.Title);
        var before = Assert.Single(change.UpstreamRecords); // as the create named them: the records before the building manager's
        Assert.Equal(("servicedesk", "I 2026 101"), (before.SystemName, before.ExternalNumber));
        var atContractor = Assert.Single(rig.Contractor.Applied, a => a.Kind == ChangeKind.FieldsChanged);
        Assert.Equal(["servicedesk", "facility"], atContractor.UpstreamRecords.Select(r => r.SystemName));
        Assert.Equal(Assert.Single(rig.Contractor.Created).UpstreamRecords, atContractor.UpstreamRecords);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_note_goes_out_without_the_whole_case()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(26));
        rig.Contractor.Report("mail-1", Complaint.Done("contractor-id-001", rig.Clock.Now));

        await rig.PollAsync("contractor");
        await rig.DispatchAllDueAsync();

        Assert.All(rig.Facility.Applied, a => Assert.Null(a.WholeCase));
    }
}

public sealed class WholeCaseOnChangeOnSqliteTests() : WholeCaseOnChangeTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class WholeCaseOnChangeOnPostgresTests(PostgresServer server) : WholeCaseOnChangeTests(server);
