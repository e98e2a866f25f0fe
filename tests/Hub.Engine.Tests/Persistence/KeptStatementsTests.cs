using System.Data;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Hub.Engine.Tests.Persistence;

/// <summary>
/// On SQLite a pooled context keeps its connection open between units of work, so the hub's own statements are prepared
/// once and run again (docs/performance/prepared-statements.md); and what must hold between units of work still holds:
/// no transaction and no read snapshot carried over (the WAL can be checkpointed whole), each unit of work sees what
/// others committed, a unit of work that leaves something open gets a closed connection, and the next one a clean one.
/// </summary>
public sealed class KeptStatementsTests
{
    private const int StatementRuns = 6; // SQLITE_STMTSTATUS_RUN

    [Fact]
    public async Task A_read_repeated_in_the_next_unit_of_work_runs_the_statement_prepared_in_the_first()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        await new DatabaseAdapterStateStore(temp.Database).SetAsync("facility", "deltaLink", "token-1", CancellationToken.None);

        for (var unit = 0; unit < 3; unit++)
        {
            await using var db = temp.Database.CreateContext();
            Assert.Equal("token-1", await LeanReads.Of(db).AdapterStateValueAsync(db, "facility", "deltaLink", CancellationToken.None));
        }

        await using var after = temp.Database.CreateContext();
        var connection = (SqliteConnection)after.Database.GetDbConnection();
        Assert.Equal(ConnectionState.Open, connection.State);
        var runs = Statements(connection).Where(s => s.Sql.Contains("\"adapter_state\"", StringComparison.Ordinal) && s.Sql.StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        Assert.Equal([3], runs.Select(s => s.Runs));
    }

    [Fact]
    public async Task After_a_unit_of_work_no_snapshot_is_held_and_the_next_sees_what_another_connection_committed()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        await new DatabaseAdapterStateStore(temp.Database).SetAsync("facility", "deltaLink", "token-1", CancellationToken.None);
        await using (var db = temp.Database.CreateContext())
        {
            Assert.Equal("token-1", await LeanReads.Of(db).AdapterStateValueAsync(db, "facility", "deltaLink", CancellationToken.None));
        }

        await temp.ExecuteSqlAsync("UPDATE adapter_state SET Value = 'token-2'");
        Assert.Equal((0L, true), await CheckpointAsync(temp));

        await using var next = temp.Database.CreateContext();
        Assert.Equal("token-2", await LeanReads.Of(next).AdapterStateValueAsync(next, "facility", "deltaLink", CancellationToken.None));
    }

    [Fact]
    public async Task A_unit_of_work_that_leaves_a_transaction_or_a_reader_open_leaves_nothing_behind_for_the_next()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        await new DatabaseAdapterStateStore(temp.Database).SetAsync("facility", "deltaLink", "token-1", CancellationToken.None);

        await using (var db = temp.Database.CreateContext())
        {
            await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE adapter_state SET Value = 'uncommitted'");
        }

        await using (var db = temp.Database.CreateContext())
        {
            await db.Database.OpenConnectionAsync();
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT Value FROM adapter_state";
            var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync()); // left mid-step: it holds a read snapshot until its statement is reset
        }

        Assert.Equal((0L, true), await CheckpointAsync(temp));
        await using var next = temp.Database.CreateContext();
        Assert.Equal("token-1", await LeanReads.Of(next).AdapterStateValueAsync(next, "facility", "deltaLink", CancellationToken.None));
        var connection = (SqliteConnection)next.Database.GetDbConnection();
        Assert.NotEqual(0, SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle));
    }

    /// <summary>A whole checkpoint from a connection of its own: (busy, every WAL frame copied back).</summary>
    private static async Task<(long Busy, bool Whole)> CheckpointAsync(SqliteTestDatabase temp)
    {
        await using var connection = new SqliteConnection($"Data Source={temp.FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1) == reader.GetInt64(2));
    }

    /// <summary>The statements prepared on the connection's native connection, with how often each has run.</summary>
    private static List<(string Sql, int Runs)> Statements(SqliteConnection connection)
    {
        var native = connection.Handle!.DangerousGetHandle();
        var found = new List<(string, int)>();
        for (var statement = sqlite3_next_stmt(native, IntPtr.Zero); statement != IntPtr.Zero; statement = sqlite3_next_stmt(native, statement))
        {
            found.Add((Marshal.PtrToStringUTF8(sqlite3_sql(statement)) ?? "", sqlite3_stmt_status(statement, StatementRuns, 0)));
        }

        return found;
    }

    // Straight to the library SQLitePCL loaded: SQLitePCL refuses sqlite3_next_stmt on its handles and has no stmt_status.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr sqlite3_next_stmt(IntPtr db, IntPtr statement);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr sqlite3_sql(IntPtr statement);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_stmt_status(IntPtr statement, int op, int reset);
}
