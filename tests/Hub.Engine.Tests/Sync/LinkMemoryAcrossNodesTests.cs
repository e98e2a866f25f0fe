using Hub.Engine.Cluster;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// Two nodes on one PostgreSQL database, each with a write gate of its own: one takes in a reading of a TOPdesk incident
/// while the other notes the field it is about to write to that incident. The note must survive the reading, or the
/// read-back of the write is taken for someone else's change: the journal then says a person in TOPdesk set the status
/// the hub set, and the case moves on that false change. (The three-node chain test showed such lines by the dozen.)
/// </summary>
[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class LinkMemoryAcrossNodesTests(PostgresServer server) : SyncRigTests(server)
{
    [Fact]
    public async Task A_node_noting_its_write_while_another_takes_in_a_reading_keeps_the_note_and_its_read_back_is_an_echo()
    {
        await ScheduledComplaint.OpenAndScheduleAsync(rig);
        Assert.Equal(IntakeResult.Updated, await rig.Intake.AcceptAsync("contractor", ScheduledComplaint.Accepted(rig), default)); // queued for Dynamics, then TOPdesk
        var pending = (await rig.OutboxAsync()).Where(o => o.Status == OutboxStatus.Pending).ToList();
        Assert.Equal(["facility", "servicedesk"], pending.Select(o => o.TargetSystem));
        Assert.Equal(1, await rig.Dispatcher.DispatchDueAsync(default)); // Dynamics first: TOPdesk's "In behandeling" is next
        var otherNode = rig.DispatcherOf(HubNode.Start(TimeProvider.System) with { NodeId = "node-two" }, new HubWriteGate());

        // The journal's lock, held from outside, stops this node's intake after it has read the incident's link and
        // before it commits: the other node's note of "status" falls into that window.
        await using var holder = rig.Database.CreateContext();
        await holder.Database.OpenConnectionAsync();
        await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({HubAdvisoryLocks.Journal})");
        var reading = rig.Intake.AcceptAsync("servicedesk", ScheduledComplaint.Incident(rig, "3", status: "Ingepland", priority: "Hoog", byHub: true), default);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var sending = otherNode.DispatchDueAsync(default);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({HubAdvisoryLocks.Journal})");

        Assert.Equal(IntakeResult.Echo, await reading);
        Assert.Equal(1, await sending);
        Assert.Equal("In behandeling", rig.ServiceDesk.Applied.Last().TargetValues[MappedField.Status]);
        var readBack = await rig.Intake.AcceptAsync("servicedesk", ScheduledComplaint.Incident(rig, "4", status: "In behandeling", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, readBack);
        var journal = await rig.JournalAsync();
        Assert.DoesNotContain(journal, e => e.Detail?.Contains("just before the hub's own write", StringComparison.Ordinal) == true);
        await rig.AssertJournalIntactAsync();
    }
}
