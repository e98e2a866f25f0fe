using System.Globalization;
using Npgsql;

namespace Hub.Engine.Persistence;

/// <summary>
/// The hub's hold on a PostgreSQL database: <c>pg_try_advisory_lock</c> on the instance key, on a connection of its own
/// (no pooling, so closing it ends the session) kept open for the life of the process. The server lets go when that
/// session ends, also when the process is killed (the socket closes). The connection's application_name says who
/// holds it ("hub pid=4242 host=hubvm"), and pg_locks joined with pg_stat_activity finds it for a refused start.
/// </summary>
internal sealed class PostgresInstanceLock : IAsyncDisposable
{
    private const string NamePrefix = "hub pid=";
    private const int MaxApplicationName = 63; // NAMEDATALEN - 1: the server cuts longer names

    private readonly NpgsqlConnection connection;

    private PostgresInstanceLock(NpgsqlConnection connection, string where)
    {
        this.connection = connection;
        Where = where;
    }

    public string Where { get; }

    public static async Task<PostgresInstanceLock> AcquireAsync(string connectionString, string dataSource, HubInstance me, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{me.ProcessId} host={me.Host}");
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = name.Length <= MaxApplicationName ? name : name[..MaxApplicationName],
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", HubAdvisoryLocks.Instance);
            if (await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return new PostgresInstanceLock(connection, $"advisory lock {HubAdvisoryLocks.Instance} on {dataSource}");
            }

            var holder = await HolderAsync(connection, cancellationToken).ConfigureAwait(false);
            throw new HubAlreadyRunningException(holder, dataSource);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The session holding the instance key in this database, as its application_name and start describe it.</summary>
    private static async Task<HubInstance> HolderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A bigint advisory key shows in pg_locks as classid (high 32 bits), objid (low 32 bits), objsubid 1.
        const string Sql = """
            SELECT a.application_name, a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = @high AND l.objid::bigint = @low
            LIMIT 1
            """;
        await using var find = new NpgsqlCommand(Sql, connection);
        find.Parameters.AddWithValue("high", HubAdvisoryLocks.Instance >> 32);
        find.Parameters.AddWithValue("low", HubAdvisoryLocks.Instance & 0xFFFF_FFFFL);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return HubInstance.Unknown; // it let go between the two statements
        }

        var name = reader.IsDBNull(0) ? string.Empty : reader.GetString(0);
        DateTimeOffset? since = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(1).ToUniversalTime(), TimeSpan.Zero);
        return Parse(name, since);
    }

    /// <summary>"hub pid=4242 host=hubvm" back into its parts; another client holding the key is named as it calls itself.</summary>
    private static HubInstance Parse(string applicationName, DateTimeOffset? since)
    {
        if (!applicationName.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            return new HubInstance(0, applicationName.Length > 0 ? $"unknown (a client calling itself '{applicationName}')" : "unknown", since);
        }

        var rest = applicationName[NamePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var pid = space < 0 ? rest : rest[..space];
        var host = space >= 0 && rest[(space + 1)..].StartsWith("host=", StringComparison.Ordinal) ? rest[(space + 6)..] : "unknown";
        return new HubInstance(int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0, host, since);
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the unpooled connection ends the session, and with it the advisory lock.
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
