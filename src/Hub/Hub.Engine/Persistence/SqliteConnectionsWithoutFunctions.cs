using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.Engine.Persistence;

/// <summary>
/// Gives each context a plain <see cref="SqliteConnection"/> instead of the one EF Core's SQLite provider makes, which
/// carries eleven SQL functions and a collation (<c>regexp</c>, the <c>ef_*</c> decimal arithmetic and aggregates,
/// <c>EF_DECIMAL</c>). Microsoft.Data.Sqlite registers a connection's functions on the native connection at every
/// opening and removes them at every closing, so they cost 24 native calls per unit of work (2.4% of the hub's CPU in
/// the backlog's profile) for SQL the hub never runs: EF Core emits them only for <see cref="decimal"/> values and
/// <c>Regex.IsMatch</c>, and the hub's model has no decimal (a test keeps it so) and its queries no regular expression.
/// A query that needed one would fail with "no such function", not give a wrong answer.
/// </summary>
internal sealed class SqliteConnectionsWithoutFunctions : DbConnectionInterceptor
{
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);

        // Without a connection string EF Core's own connection is left to fail as it would: an empty one would open a
        // temporary database instead.
        return eventData.ConnectionString is { } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(connectionString))
            : result;
    }
}
