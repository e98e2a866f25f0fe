namespace Hub.Engine.Persistence;

/// <summary>
/// The running hub's hold on a SQLite database, for the life of the process: a second `hub run` on the same file is
/// refused with <see cref="HubAlreadyRunningException"/> naming the holder (and pointing at PostgreSQL for several nodes).
/// The operating system lets go when the holder dies, however it dies (SIGKILL included), so a killed hub never blocks
/// the next start (an OS lock on "&lt;database&gt;.lock" beside it, see <see cref="SqliteInstanceLock"/>). PostgreSQL is
/// not held: several nodes share it (the node registry, leased outbox rows and Quartz's cluster divide the work).
/// </summary>
public sealed class HubInstanceLock : IAsyncDisposable
{
    private readonly IAsyncDisposable? held;

    private HubInstanceLock(IAsyncDisposable? held, string where)
    {
        this.held = held;
        Where = where;
    }

    /// <summary>What is held, for the start log ("/srv/hub/hub.db.lock", or that a PostgreSQL database is shared).</summary>
    public string Where { get; }

    /// <exception cref="HubAlreadyRunningException">Another hub holds the database.</exception>
    public static Task<HubInstanceLock> AcquireAsync(HubDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(database);
        var me = HubInstance.Current(time);
        return Task.FromResult(database.Provider switch
        {
            DatabaseProvider.Sqlite when database.DataSource == ":memory:" => new HubInstanceLock(null, "nothing (an in-memory database is this process's own)"),
            DatabaseProvider.Sqlite => Held(SqliteInstanceLock.Acquire(database.DataSource, me)),
            _ => new HubInstanceLock(null, $"nothing: {database.DataSource} is shared with the hub's other nodes"),
        });
    }

    private static HubInstanceLock Held(SqliteInstanceLock held) => new(held, held.Path);

    public async ValueTask DisposeAsync()
    {
        if (held is not null)
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }
}
