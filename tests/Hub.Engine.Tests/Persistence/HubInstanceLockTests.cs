namespace Hub.Engine.Tests.Persistence;

/// <summary>One hub per SQLite database, several nodes on PostgreSQL; two <see cref="HubDatabase"/> instances are two hubs (as two processes are).</summary>
public abstract class HubInstanceLockTests(IDatabaseSource databases)
{
    [Fact]
    public async Task Hubs_on_different_databases_do_not_stand_in_each_others_way()
    {
        await using var one = await databases.CreateAsync();
        await using var other = await databases.CreateAsync();

        await using var first = await HubInstanceLock.AcquireAsync(one.Database, TimeProvider.System, CancellationToken.None);
        await using var second = await HubInstanceLock.AcquireAsync(other.Database, TimeProvider.System, CancellationToken.None);

        Assert.NotEqual(first.Where, second.Where);
    }
}

public sealed class HubInstanceLockOnSqliteTests() : HubInstanceLockTests(SqliteTestDatabase.Source)
{
    [Fact]
    public async Task A_second_hub_on_the_same_database_is_refused_naming_the_first_by_pid_host_and_since()
    {
        await using var temp = await SqliteTestDatabase.Source.CreateAsync();
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        await using var first = await HubInstanceLock.AcquireAsync(temp.Database, TimeProvider.System, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<HubAlreadyRunningException>(() => HubInstanceLock.AcquireAsync(temp.StartAgain(), TimeProvider.System, CancellationToken.None));

        Assert.Equal(Environment.ProcessId, refused.Holder.ProcessId);
        Assert.Equal(Environment.MachineName, refused.Holder.Host);
        Assert.NotNull(refused.Holder.Since);
        Assert.InRange(refused.Holder.Since.Value, before, TimeProvider.System.GetUtcNow().AddSeconds(1));
        Assert.StartsWith($"another hub (pid {Environment.ProcessId}, host {Environment.MachineName}) holds this database since 20", refused.Message, StringComparison.Ordinal);
        Assert.Contains(temp.Database.DataSource, refused.Message, StringComparison.Ordinal);
        Assert.Contains("use PostgreSQL (Hub:Database:Provider = Postgres) to run several nodes", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Once_the_first_hub_lets_go_the_next_one_takes_the_database()
    {
        await using var temp = await SqliteTestDatabase.Source.CreateAsync();
        var first = await HubInstanceLock.AcquireAsync(temp.Database, TimeProvider.System, CancellationToken.None);
        await first.DisposeAsync();

        await using var next = await HubInstanceLock.AcquireAsync(temp.StartAgain(), TimeProvider.System, CancellationToken.None);

        await Assert.ThrowsAsync<HubAlreadyRunningException>(() => HubInstanceLock.AcquireAsync(temp.Database, TimeProvider.System, CancellationToken.None));
    }
}

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class HubInstanceLockOnPostgresTests(PostgresServer server) : HubInstanceLockTests(server)
{
    [Fact]
    public async Task Several_nodes_on_one_postgres_database_are_not_refused()
    {
        await using var temp = await ((IDatabaseSource)server).CreateAsync();
        await using var first = await HubInstanceLock.AcquireAsync(temp.Database, TimeProvider.System, CancellationToken.None);

        await using var second = await HubInstanceLock.AcquireAsync(temp.StartAgain(), TimeProvider.System, CancellationToken.None);

        Assert.Contains("shared with the hub's other nodes", second.Where, StringComparison.Ordinal);
    }
}
