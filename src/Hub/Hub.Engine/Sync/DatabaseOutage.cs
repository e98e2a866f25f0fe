using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hub.Engine.Sync;

/// <summary>
/// Tells a failure of the hub's own database (down, unreachable, busy, locked, short of space, its tables not as the
/// hub expects, a write that raced another node) from one that this record caused (a value the database refuses:
/// a constraint, a too long or malformed value; or the hub's code failing on what the record holds). An outage stops
/// the poll and keeps the watermark, so the change is read again; a record's own failure sets that record aside.
/// </summary>
internal static class DatabaseOutage
{
    private const int SqliteTooBig = 18;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;

    public static bool Is(Exception failure)
    {
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException postgres:
                    return !RefusedForContent(postgres.SqlState);
                case NpgsqlException:
                    return true; // no answer, a broken connection, a timeout
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is not (SqliteConstraint or SqliteTooBig or SqliteMismatch);
                case DbException or DbUpdateConcurrencyException or RetryLimitExceededException:
                    return true;
                case TimeoutException or SocketException or IOException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the hub's own database failed (no answer, a dropped connection, busy, locked), judged only by the
    /// database client's own exceptions: unlike <see cref="Is"/>, a time-out or a socket error of another kind (an
    /// adapter's call to its system) does not count, so a target's failure is never taken for the hub's.
    /// </summary>
    public static bool IsOwnDatabase(Exception failure)
    {
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException postgres:
                    return !RefusedForContent(postgres.SqlState);
                case NpgsqlException:
                    return true;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is not (SqliteConstraint or SqliteTooBig or SqliteMismatch);
                case RetryLimitExceededException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The words of the database (or the code) that refused the record, for the journal.</summary>
    public static string Describe(Exception failure)
    {
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbException refused)
            {
                return refused.Message;
            }
        }

        return failure is DbUpdateException && failure.InnerException is { } inner
            ? inner.Message
            : $"{failure.GetType().Name}: {failure.Message}";
    }

    /// <summary>
    /// Data exceptions (class 22: too long, malformed, out of range) and integrity violations (class 23) are about the
    /// values written, except a unique violation: on PostgreSQL another node may just have taken the same change in.
    /// </summary>
    private static bool RefusedForContent(string sqlState) =>
        sqlState.StartsWith("22", StringComparison.Ordinal)
        || (sqlState.StartsWith("23", StringComparison.Ordinal) && sqlState != PostgresErrorCodes.UniqueViolation);
}
