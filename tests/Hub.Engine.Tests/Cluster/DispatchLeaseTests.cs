using Hub.Engine.Cluster;
using Hub.Engine.Tests.Sync;

namespace Hub.Engine.Tests.Cluster;

/// <summary>
/// Several nodes share the outbox through leases: a node's lease that runs out while it is still sending (it hung, or
/// it died) is taken over, and the command is recorded once however many nodes sent it, because the row's fencing token
/// lets only the current holder record an outcome and the target's create is idempotent by correlation key.
/// </summary>
public abstract class DispatchLeaseTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private protected async Task<(Task<int> FirstSend, TaskCompletionSource Release)> HoldFirstCreateInFlightAsync()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 001", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        rig.Facility.BeforeCreate = async () =>
        {
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                entered.SetResult();
                await release.Task;
            }
        };
        var firstSend = Task.Run(rig.DispatchAsync);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (firstSend, release);
    }

    [Fact]
    public async Task When_a_lease_runs_out_mid_send_and_another_node_takes_it_over_the_case_is_created_once_and_journaled_once()
    {
        var (firstSend, release) = await HoldFirstCreateInFlightAsync();
        rig.Clock.Advance(rig.Options.DispatchLease + TimeSpan.FromSeconds(1)); // the first node is too slow for its lease
        var other = rig.DispatcherOf(rig.Node with { NodeId = "node-two" });

        var takenOver = await other.DispatchDueAsync(CancellationToken.None);
        release.SetResult(); // the first node's send comes back after all
        await firstSend;
        await rig.DispatchAllDueAsync(); // the work order behind the case

        Assert.Equal(1, takenOver);
        Assert.Equal(2, rig.Facility.Created.Count); // both nodes sent the create ...
        Assert.Single(rig.Facility.Created.Select(c => c.CorrelationKey).Distinct()); // ... of one record (the target's idempotent create)
        var facilityLinks = await rig.ReadAsync(db => db.Links.CountAsync(l => l.SystemName == "facility"));
        Assert.Equal(1, facilityLinks);
        var created = await rig.ReadAsync(db => db.Journal.CountAsync(j => j.TargetSystem == "facility" && j.Outcome == JournalOutcome.Applied && j.Detail == "record created and linked"));
        Assert.Equal(1, created);
        var row = (await rig.OutboxAsync()).First(o => o.TargetSystem == "facility");
        Assert.Equal(OutboxStatus.Done, row.Status);
        Assert.Equal("node-two", row.LeasedBy);
        Assert.Single(rig.Contractor.Created); // the work order went out once, after the case
        await rig.AssertJournalIntactAsync();
    }
}

public sealed class DispatchLeaseOnSqliteTests() : DispatchLeaseTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class DispatchLeaseOnPostgresTests(PostgresServer server) : DispatchLeaseTests(server)
{
    [Fact]
    public async Task A_command_a_live_node_is_sending_is_left_to_it_and_its_case_waits_behind_it()
    {
        await new NodeRegistry(rig.Database, rig.Clock).CheckInAsync(rig.Node, CancellationToken.None);
        var (firstSend, release) = await HoldFirstCreateInFlightAsync();
        var other = rig.DispatcherOf(rig.Node with { NodeId = "node-two" });

        var sentByOther = await other.DispatchDueAsync(CancellationToken.None);
        release.SetResult();
        await firstSend;

        Assert.Equal(0, sentByOther);
        Assert.Single(rig.Facility.Created);
        Assert.Empty(rig.Contractor.Created); // the work order waits for the case's create, also on the other node
    }

    [Fact]
    public async Task The_commands_of_a_node_that_stopped_checking_in_are_taken_over_before_its_lease_runs_out()
    {
        await new NodeRegistry(rig.Database, rig.Clock).CheckInAsync(rig.Node, CancellationToken.None);
        var (firstSend, release) = await HoldFirstCreateInFlightAsync();
        rig.Clock.Advance(new ClusterOptions().LostAfter + TimeSpan.FromSeconds(1)); // node one is silent (killed): its lease still runs
        var other = rig.DispatcherOf(rig.Node with { NodeId = "node-two" });
        var seen = await ClusterStatus.ReadAsync(rig.Database, new ClusterOptions(), rig.Clock, CancellationToken.None);

        var takenOver = await other.DispatchDueAsync(CancellationToken.None);
        release.SetResult();
        await firstSend;

        Assert.True(rig.Options.DispatchLease > new ClusterOptions().LostAfter);
        Assert.True(Assert.Single(seen.Nodes).Lost);
        Assert.Equal("node-one", Assert.Single(seen.OverdueLeases).LeasedBy); // shown as older than it should be until taken over
        Assert.Empty((await ClusterStatus.ReadAsync(rig.Database, new ClusterOptions(), rig.Clock, CancellationToken.None)).OverdueLeases);
        Assert.Equal(1, takenOver);
        Assert.Single(rig.Facility.Created.Select(c => c.CorrelationKey).Distinct());
        await rig.AssertJournalIntactAsync();
    }
}
