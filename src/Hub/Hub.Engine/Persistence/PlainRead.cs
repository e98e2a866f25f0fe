using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Engine.Persistence;

/// <summary>
/// Runs one read as a plain parameterised command on the unit of work's own connection, inside its open transaction if
/// it has one (so a read under the journal's write lock sees what that lock protects). The connection is opened and
/// closed around the read as EF Core opens and closes it around a query of its own (the same counted opening: a
/// connection the unit of work holds open stays open). What this skips is EF Core's per-execution machinery: the query
/// context, the relational command cache, the command's diagnostics and its data reader wrapper, the shaper
/// (docs/performance/lean-reads.md).
/// </summary>
internal static class PlainRead
{
    public static async Task<T> RunAsync<T>(HubDbContext db, string sql, Action<DbCommand> bind, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var taken = KeptStatements.Take(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql);
            await using (taken.ConfigureAwait(false))
            {
                var command = taken.Command;
                bind(command);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await read(reader, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Whether the statement (a <c>SELECT EXISTS (…)</c>) answered true: SQLite answers 1, PostgreSQL a boolean.</summary>
    public static async Task<bool> ExistsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && Convert.ToBoolean(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
    }
}
