namespace Hub.Engine.Tests.Persistence;

/// <summary>What adapters keep between runs (sign-in state, delta links) lives in the hub's database, per system and key.</summary>
public abstract class AdapterStateTests(IDatabaseSource databases)
{
    [Fact]
    public async Task A_value_kept_by_one_system_is_read_back_after_a_restart_overwritten_in_place_and_kept_apart_from_others()
    {
        await using var temp = await databases.CreateAsync();
        var store = new DatabaseAdapterStateStore(temp.Database);
        await store.SetAsync("facility", "deltaLink", "token-1", CancellationToken.None);
        await store.SetAsync("facility", "deltaLink", "token-2", CancellationToken.None);
        await store.SetAsync("servicedesk", "deltaLink", "other", CancellationToken.None);

        var afterRestart = new DatabaseAdapterStateStore(temp.StartAgain());

        Assert.Equal("token-2", await afterRestart.GetAsync("facility", "deltaLink", CancellationToken.None));
        Assert.Equal("other", await afterRestart.GetAsync("servicedesk", "deltaLink", CancellationToken.None));
        Assert.Null(await afterRestart.GetAsync("contractor", "deltaLink", CancellationToken.None));
    }
}

public sealed class AdapterStateOnSqliteTests() : AdapterStateTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class AdapterStateOnPostgresTests(PostgresServer server) : AdapterStateTests(server);
