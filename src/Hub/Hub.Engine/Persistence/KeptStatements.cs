using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hub.Engine.Persistence;

/// <summary>
/// The hub's own statements kept prepared on an open SQLite connection, by their SQL text: taking one for the same text
/// again binds new values to the statement SQLite already parsed and planned, instead of parsing it anew (what
/// <c>sqlite3_prepare</c> costs). A command is handed out to one user at a time (taken out of the cache, put back when
/// done, its parameters cleared; its reader, disposed first, has reset the statement). Kept only while the connection stays
/// on the native connection they were prepared on: a connection that closed disposed them (Microsoft.Data.Sqlite
/// finalizes every statement of a connection at its close), and they are dropped. Any other connection (PostgreSQL)
/// gets a new command each time, disposed after use, as before.
/// </summary>
internal sealed class KeptStatements
{
    /// <summary>Texts kept per connection; the hub has a few dozen. Beyond it, a command is simply disposed after use.</summary>
    private const int Most = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, KeptStatements> PerConnection = [];

    private readonly Dictionary<string, DbCommand> idle = new(StringComparer.Ordinal);
    private sqlite3? preparedOn;

    /// <summary>A command with this text on the connection, in the transaction (or none): kept, or new.</summary>
    public static HubCommand Take(DbConnection connection, DbTransaction? transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection { State: System.Data.ConnectionState.Open, Handle: { } native } sqlite)
        {
            var kept = PerConnection.GetValue(sqlite, _ => new KeptStatements());
            kept.Follow(native);
            if (!kept.idle.Remove(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
            }

            command.Transaction = transaction;
            return new HubCommand(command, kept, native);
        }

        var plain = connection.CreateCommand();
        plain.Transaction = transaction;
        plain.CommandText = sql;
        return new HubCommand(plain, null, null);
    }

    /// <summary>Puts a command back, or disposes it if its connection closed since, or enough are kept.</summary>
    internal ValueTask GiveBackAsync(DbCommand command, sqlite3 native)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (command.Connection is SqliteConnection { State: System.Data.ConnectionState.Open, Handle: { } now } && ReferenceEquals(now, native)
            && ReferenceEquals(preparedOn, native) && idle.Count < Most && idle.TryAdd(command.CommandText, command))
        {
            return ValueTask.CompletedTask;
        }

        return command.DisposeAsync();
    }

    /// <summary>Drops what was prepared on another native connection: the connection closed (finalizing them) and opened again.</summary>
    private void Follow(sqlite3 native)
    {
        if (ReferenceEquals(preparedOn, native))
        {
            return;
        }

        foreach (var command in idle.Values)
        {
            command.Dispose();
        }

        idle.Clear();
        preparedOn = native;
    }
}

/// <summary>A command taken from <see cref="KeptStatements"/>: dispose it (after its reader) to give it back.</summary>
internal readonly struct HubCommand(DbCommand command, KeptStatements? kept, sqlite3? native) : IAsyncDisposable
{
    public DbCommand Command { get; } = command;

    public ValueTask DisposeAsync() => kept is not null && native is not null ? kept.GiveBackAsync(Command, native) : Command.DisposeAsync();
}
