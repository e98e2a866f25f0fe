using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Hub.Engine.Persistence;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; its close is the one thing changed here.

/// <summary>
/// A pooled context's SQLite connection, kept open from its first opening until the context is disposed for good, so the
/// statements the hub prepares on it (<see cref="KeptStatements"/>) survive from one unit of work to the next:
/// Microsoft.Data.Sqlite finalizes every statement of a connection when it closes. EF Core closes its connection after
/// each operation and when a pooled context is reset; here such a close leaves the connection open, but only when it is
/// clean: no transaction open (<c>sqlite3_get_autocommit</c>; the reset has already rolled back EF Core's own) and no
/// statement left mid-step (which would hold a read snapshot and keep the WAL from being checkpointed). Anything else is
/// closed as before. A unit of work still starts its own transaction (BEGIN IMMEDIATE) and reads committed data only:
/// outside a transaction every statement of SQLite reads the latest committed state.
/// </summary>
internal sealed class SqliteConnectionKeptOpen(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
        if (!Clean(DbConnection))
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() =>
        Clean(DbConnection) ? Task.CompletedTask : base.CloseDbConnectionAsync();

    /// <summary>Has the contexts of these options keep their connection open (<see cref="SqliteConnectionKeptOpen"/>).</summary>
    public static DbContextOptionsBuilder<TContext> KeepingConnectionsOpen<TContext>(DbContextOptionsBuilder<TContext> options)
        where TContext : DbContext =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionKeptOpen>();

    /// <summary>
    /// Open, outside any transaction (<c>sqlite3_get_autocommit</c>), and holding no read or write transaction either,
    /// which a statement between its first step and its reset would (<c>sqlite3_txn_state</c>, not wrapped by SQLitePCL).
    /// </summary>
    internal static bool Clean(DbConnection connection) =>
        connection is SqliteConnection { State: System.Data.ConnectionState.Open, Handle: { } native }
        && raw.sqlite3_get_autocommit(native) != 0
        && NativeSqlite.HoldsNoTransaction(native);
}

/// <summary>The one SQLite call the hub makes that SQLitePCL does not wrap, on the library SQLitePCL itself loaded.</summary>
internal static class NativeSqlite
{
    /// <summary><c>SQLITE_TXN_NONE</c>: no transaction, not even the read transaction of a statement not yet reset.</summary>
    private const int TransactionNone = 0;

    /// <summary>Set when the native library cannot answer (not found, or older than SQLite 3.34): then every connection closes as before.</summary>
    private static volatile bool unavailable;

    /// <summary>
    /// Whether the native connection holds no transaction at all. False when that cannot be asked (a native SQLite other
    /// than the one the hub ships): a connection is then closed as before, never kept with a snapshot it may hold.
    /// </summary>
    public static bool HoldsNoTransaction(sqlite3 native)
    {
        if (unavailable)
        {
            return false;
        }

        try
        {
            return sqlite3_txn_state(native.DangerousGetHandle(), IntPtr.Zero) == TransactionNone;
        }
        catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("e_sqlite3", CallingConvention = System.Runtime.InteropServices.CallingConvention.Cdecl)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int sqlite3_txn_state(IntPtr db, IntPtr schema);
}
