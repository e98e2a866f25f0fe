namespace Hub.Engine.Persistence;

/// <summary>
/// The running hub's hold on its database, for the life of the process: a second `hub run` on the same database is
/// refused with <see cref="HubAlreadyRunningException"/> naming the holder. The operating system or the database server
/// lets go when the holder dies, however it dies (SIGKILL included), so a killed hub never blocks the next start.
/// SQLite: an OS lock on the file "&lt;database&gt;.lock" beside it; PostgreSQL: a session advisory lock on a
/// connection of its own (see <see cref="SqliteInstanceLock"/>, <see cref="PostgresInstanceLock"/>).
/// </summary>
public sealed class HubInstanceLock : IAsyncDisposable
{
    private readonly IAsyncDisposable? held;

    private HubInstanceLock(IAsyncDisposable? held, string where)
    {
        this.held = held;
        Where = where;
    }

    /// <summary>What is held, for the start log ("/srv/hub/hub.db.lock", "advisory lock on PostgreSQL db:5432/hub").</summary>
    public string Where { get; }

    /// <exception cref="HubAlreadyRunningException">Another hub holds the database.</exception>
    public static async Task<HubInstanceLock> AcquireAsync(HubDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var me = HubInstance.Current(time);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite when database.DataSource == ":memory:" => new HubInstanceLock(null, "nothing (an in-memory database is this process's own)"),
            DatabaseProvider.Sqlite => Held(SqliteInstanceLock.Acquire(database.DataSource, me)),
            _ => Held(await PostgresInstanceLock.AcquireAsync(database.ConnectionString, database.DataSource, me, cancellationToken).ConfigureAwait(false)),
        };
    }

    private static HubInstanceLock Held(SqliteInstanceLock held) => new(held, held.Path);

    private static HubInstanceLock Held(PostgresInstanceLock held) => new(held, held.Where);

    public async ValueTask DisposeAsync()
    {
        if (held is not null)
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }
}
