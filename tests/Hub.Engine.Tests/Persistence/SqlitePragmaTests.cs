using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hub.Engine.Tests.Persistence;

/// <summary>
/// Every native SQLite connection the hub works on waits 10 s for a busy writer and runs with synchronous = NORMAL (the
/// journal's durability in WAL mode), whether it was just opened or handed back by Microsoft.Data.Sqlite's pool; and
/// the pragmas that set this run once per native connection, not on every opening of a pooled one.
/// </summary>
public sealed class SqlitePragmaTests
{
    /// <summary>What <c>PRAGMA synchronous</c> reads for NORMAL (FULL, SQLite's own default, is 2).</summary>
    private const long Normal = 1;

    [Fact]
    public async Task A_native_connection_waits_ten_seconds_for_a_busy_writer_and_syncs_normally_whether_fresh_or_handed_back_by_the_pool()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        var first = await SettingsAsync(temp.Database);
        var reused = await ReopenedAsync(temp.Database, first.Native, (db, _) => SettingsAsync(db));
        SqliteConnection.ClearPool(new SqliteConnection(temp.Database.ConnectionString)); // the idle native connections are closed
        var fresh = await SettingsAsync(temp.StartAgain()); // contexts of their own: those of temp.Database keep theirs open

        Assert.NotSame(first.Native, fresh.Native);
        Assert.All([first, reused, fresh], settings => Assert.Equal((10_000L, Normal), (settings.BusyTimeout, settings.Synchronous)));
    }

    [Fact]
    public async Task When_a_pooled_native_connection_is_opened_again_no_pragma_runs_on_it()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        var first = await SettingsAsync(temp.Database);

        var statements = await ReopenedAsync(temp.Database, first.Native, async (_, traced) =>
        {
            await Task.CompletedTask;
            return traced.ToList();
        });

        Assert.Empty(statements);
    }

    /// <summary>The busy timeout and synchronous mode of the native connection a unit of work gets.</summary>
    private static async Task<Settings> SettingsAsync(HubDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        return await SettingsAsync(db);
    }

    private static async Task<Settings> SettingsAsync(HubDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return new Settings(connection.Handle!, await PragmaAsync(connection, "busy_timeout"), await PragmaAsync(connection, "synchronous"));
    }

    private static async Task<long> PragmaAsync(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Opens a unit of work until the pool hands it <paramref name="native"/> again (tests running beside this one may
    /// clear every pool in between), and runs <paramref name="then"/> on it with the statements the opening ran.
    /// </summary>
    private static async Task<T> ReopenedAsync<T>(HubDatabase database, sqlite3 native, Func<HubDbContext, IReadOnlyList<string>, Task<T>> then)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var traced = new List<string>();
            raw.sqlite3_trace(native, (_, sql) => traced.Add(sql), null);
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync();
            raw.sqlite3_trace(native, (strdelegate_trace?)null, null);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (ReferenceEquals(connection.Handle, native))
            {
                return await then(db, traced);
            }

            native = connection.Handle!; // a new native connection: wait for the pool to hand this one back
        }

        throw new InvalidOperationException("the pool never handed a native connection back");
    }

    private sealed record Settings(sqlite3 Native, long BusyTimeout, long Synchronous);
}
