namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A Retry-After penalty on one system holds back only the commands to that system: the other systems' commands
/// are taken in the same round however many penalised ones are queued before them, and a case whose next command
/// goes to the penalised system still waits as a whole.
/// </summary>
public abstract class RetryAfterPenaltyTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private const int PenalisedComplaints = 150;
    private const int ContractorChanges = 5;
    [Fact]
    public async Task A_long_penalty_on_the_building_manager_never_holds_back_the_contractors_commands()
    {
        // five complaints have gone the whole chain: the contractor holds a work order for each
        rig.ServiceDesk.Report("td-page-1", Enumerable.Range(1, ContractorChanges).Select(i => Complaint.Reported($"td-{i}", $"I 2026 {i:000}", SyncRig.Start)).ToArray());
        await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();
        Assert.Equal(ContractorChanges, rig.Contractor.Created.Count);

        // the building manager answers 429 with Retry-After: one hour
        rig.Facility.Failure = AdapterException.Transient("facility", "429 Too Many Requests", TimeSpan.FromHours(1));
        rig.ServiceDesk.Report("td-page-2", Complaint.Reported("td-throttled", "I 2026 900", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        Assert.Equal(1, await rig.DispatchAsync());
        rig.Facility.Failure = null;

        // 150 more complaints queue a command to the building manager each (and their work orders behind them),
        // then the building manager retitles the five cases the contractor holds: five commands to the contractor
        rig.ServiceDesk.Report("td-page-3", Enumerable.Range(1, PenalisedComplaints).Select(i => Complaint.Reported($"td-p{i}", $"I 2026 {100 + i}", SyncRig.Start)).ToArray());
        await rig.PollAsync("servicedesk");
        rig.Facility.Report("dyn-page-1", Enumerable.Range(1, ContractorChanges).Select(i => Retitled($"facility-id-{i:000}")).ToArray());
        await rig.PollAsync("facility");
        var queued = await rig.OutboxAsync();
        var pendingToFacility = queued.Count(o => o is { TargetSystem: "facility", Status: OutboxStatus.Pending });
        var pendingToContractor = queued.Where(o => o is { TargetSystem: "contractor", Status: OutboxStatus.Pending }).ToList();
        var workOrdersBefore = rig.Contractor.Created.Count;

        var sent = await rig.DispatchAsync();

        Assert.Equal(PenalisedComplaints + 1, pendingToFacility);
        Assert.Equal(PenalisedComplaints + 1 + ContractorChanges, pendingToContractor.Count); // work orders wait behind their case's create
        Assert.True(pendingToContractor.Where(o => o.Operation == OutboxOperation.Apply).All(a => queued.Count(o => o.TargetSystem == "facility" && o.Status == OutboxStatus.Pending && o.Id < a.Id) >= PenalisedComplaints),
            "the contractor's changes were queued after the building manager's commands");
        Assert.Equal(ContractorChanges, sent);
        Assert.Equal(ContractorChanges, rig.Contractor.Applied.Count(a => a.Kind == ChangeKind.FieldsChanged));
        Assert.Equal(workOrdersBefore, rig.Contractor.Created.Count); // a case whose create waits in the penalty keeps its work order back
        Assert.Equal(ContractorChanges, rig.Facility.Created.Count);
        await rig.AssertJournalIntactAsync();
    }

    private ObservedChange Retitled(string facilityId) => new()
    {
        ExternalId = facilityId,
        Version = "retitled",
        Kind = ChangeKind.FieldsChanged,
        OccurredAt = rig.Clock.Now,
        Fields = new CaseFields { Title = "Toilet verstopt 2e verdieping, ook de wastafel" },
    };
}

public sealed class RetryAfterPenaltyOnSqliteTests() : RetryAfterPenaltyTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class RetryAfterPenaltyOnPostgresTests(PostgresServer server) : RetryAfterPenaltyTests(server);
