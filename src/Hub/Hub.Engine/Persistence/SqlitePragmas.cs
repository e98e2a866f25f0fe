using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Hub.Engine.Persistence;

/// <summary>
/// On every native SQLite connection, once: wait up to 10 s for a busy writer instead of failing, and sync the WAL at
/// checkpoints only (<c>synchronous = NORMAL</c>, the journal's durability in WAL mode). Microsoft.Data.Sqlite pools
/// native connections: closing a <see cref="SqliteConnection"/> hands its native connection back open, pragmas and all,
/// and the next opening gets it again. So the pragmas run when a native connection is seen for the first time (its
/// <see cref="SqliteConnection.Handle"/>, which is the same object for the native connection's whole life), not on
/// every opening, where they were a quarter of all the statements the hub ran.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    private static readonly object Seen = new();

    /// <summary>The native connections the pragmas ran on; an entry goes when its native connection is collected.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadyPrepared(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Prepared(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadyPrepared(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Prepared(connection);
    }

    /// <summary>
    /// Whether the pragmas ran on the native connection behind this opening. A native connection serves one opened
    /// connection at a time, so two openings never race for one.
    /// </summary>
    private bool AlreadyPrepared(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } native } && prepared.TryGetValue(native, out _);

    /// <summary>Noted only once the pragmas ran: a run that failed is tried again at the native connection's next opening.</summary>
    private void Prepared(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native })
        {
            prepared.AddOrUpdate(native, Seen);
        }
    }
}
