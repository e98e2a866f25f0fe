using Hub.Engine.Tests.Persistence;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// How often the dispatcher opens the database: one opening per unit of work. A round takes what is due in both lanes
/// on one connection (each lane's heads, then their lease); a change reads what it needs and notes the fields it will
/// write on one connection before it goes out; its outcome is recorded on one more.
/// </summary>
public abstract class DispatchOpeningsTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task A_round_with_nothing_due_opens_the_database_once()
    {
        using var openings = await ConnectionOpenings.StartAsync(rig.Database);

        Assert.Equal(0, await rig.DispatchAsync());

        Assert.Equal(Openings(1), openings.Take());
    }

    [Fact]
    public async Task A_round_of_changes_opens_the_database_once_to_take_them_and_twice_per_change()
    {
        var reported = Complaint.Reported("td-1", "I 2026 101", SyncRig.Start);
        rig.ServiceDesk.Report("td-page-1", reported);
        await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(1));
        rig.ServiceDesk.Report("td-page-2", reported with
        {
            Version = "2", Kind = ChangeKind.FieldsChanged, OccurredAt = rig.Clock.Now,
            Fields = reported.Fields with { Description = "Het water staat nu ook in de gang.\n\n" + reported.Fields.Description },
        });
        await rig.PollAsync("servicedesk");
        using var openings = await ConnectionOpenings.StartAsync(rig.Database);

        var sent = await rig.DispatchAsync();

        Assert.True(sent > 0, "the change was not due");
        Assert.Equal(sent, rig.Facility.Applied.Count + rig.Contractor.Applied.Count);
        Assert.Equal(Openings(1 + (2 * sent)), openings.Take());
    }

    /// <summary>The openings so many units of work make: one each, or none on SQLite, whose pooled contexts keep their connection open.</summary>
    protected virtual int Openings(int unitsOfWork) => unitsOfWork;
}

public sealed class DispatchOpeningsOnSqliteTests() : DispatchOpeningsTests(SqliteTestDatabase.Source)
{
    /// <summary>None: the contexts the rig's units of work get were opened before the count (SqliteConnectionKeptOpen).</summary>
    protected override int Openings(int unitsOfWork) => 0;
}

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class DispatchOpeningsOnPostgresTests(PostgresServer server) : DispatchOpeningsTests(server);
