using System.Data.Common;

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

    [Fact]
    public async Task Values_set_together_replace_the_keys_that_exist_and_add_the_others_in_one_write()
    {
        await using var temp = await databases.CreateAsync();
        IAdapterStateStore store = new DatabaseAdapterStateStore(temp.Database);
        await store.SetAsync("contractor", "order:A", "first", CancellationToken.None);

        await store.SetManyAsync("contractor", [new("order:A", "second"), new("case:HUB-1", "A"), new("message:<m@hub>", "A")], CancellationToken.None);

        var afterRestart = new DatabaseAdapterStateStore(temp.StartAgain());
        Assert.Equal("second", await afterRestart.GetAsync("contractor", "order:A", CancellationToken.None));
        Assert.Equal("A", await afterRestart.GetAsync("contractor", "case:HUB-1", CancellationToken.None));
        Assert.Equal("A", await afterRestart.GetAsync("contractor", "message:<m@hub>", CancellationToken.None));
    }

    [Fact]
    public async Task Values_set_together_are_written_all_or_none_when_one_of_them_cannot_be_stored()
    {
        await using var temp = await databases.CreateAsync();
        IAdapterStateStore store = new DatabaseAdapterStateStore(temp.Database);
        await store.SetAsync("contractor", "order:A", "first", CancellationToken.None);

        // The last value breaks the table's NOT NULL rule, after the others were written (one after the other they would stay).
        await Assert.ThrowsAnyAsync<DbException>(() => store.SetManyAsync("contractor",
            [new("order:A", "second"), new("case:HUB-1", "A"), new("message:<m@hub>", null!)], CancellationToken.None));

        var afterRestart = new DatabaseAdapterStateStore(temp.StartAgain());
        Assert.Equal("first", await afterRestart.GetAsync("contractor", "order:A", CancellationToken.None));
        Assert.Null(await afterRestart.GetAsync("contractor", "case:HUB-1", CancellationToken.None));
        Assert.Null(await afterRestart.GetAsync("contractor", "message:<m@hub>", CancellationToken.None));
    }

    [Fact]
    public async Task A_key_given_twice_in_one_write_keeps_its_last_value()
    {
        await using var temp = await databases.CreateAsync();
        IAdapterStateStore store = new DatabaseAdapterStateStore(temp.Database);
        await store.SetAsync("contractor", "order:A", "first", CancellationToken.None);

        await store.SetManyAsync("contractor", [new("order:A", "second"), new("case:HUB-1", "A"), new("order:A", "third")], CancellationToken.None);

        var afterRestart = new DatabaseAdapterStateStore(temp.StartAgain());
        Assert.Equal("third", await afterRestart.GetAsync("contractor", "order:A", CancellationToken.None));
        Assert.Equal("A", await afterRestart.GetAsync("contractor", "case:HUB-1", CancellationToken.None));
    }
}

public sealed class AdapterStateOnSqliteTests() : AdapterStateTests(SqliteTestDatabase.Source)
{
    /// <summary>
    /// A work order writes its state three times (recorded, handed over, sent: the last two stay apart for the crash
    /// rule), so each write is one statement: nothing read first, no transaction of its own around it.
    /// </summary>
    [Fact]
    public async Task Setting_values_new_or_existing_is_one_statement_that_reads_nothing_first()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        IAdapterStateStore store = new DatabaseAdapterStateStore(temp.Database);
        await store.SetAsync("contractor", "order:A", "recorded", CancellationToken.None);
        using var statements = await SqliteStatements.OnOpenedAsync(temp.FilePath);

        statements.Count();
        await store.SetManyAsync("contractor", [new("order:A", "handed over"), new("case:HUB-1", "A"), new("message:<m@hub>", "A")], CancellationToken.None);
        var many = statements.Stop();
        statements.Count();
        await store.SetAsync("contractor", "order:A", "sent", CancellationToken.None);
        var one = statements.Stop();

        Assert.StartsWith("INSERT INTO \"adapter_state\"", Assert.Single(many), StringComparison.Ordinal);
        Assert.StartsWith("INSERT INTO \"adapter_state\"", Assert.Single(one), StringComparison.Ordinal);
        Assert.Equal("sent", await store.GetAsync("contractor", "order:A", CancellationToken.None));
        Assert.Equal("A", await store.GetAsync("contractor", "message:<m@hub>", CancellationToken.None));
    }
}

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class AdapterStateOnPostgresTests(PostgresServer server) : AdapterStateTests(server);
