using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Testing.Engine;

/// <summary>
/// The hub's real outbox over a real SQLite correlation log, for one adapter: a test queues a command for a record the
/// case is linked to and dispatches it the way the host does. <see cref="DispatchAfterRestartAsync"/> opens the database
/// afresh and builds a new dispatcher around a new adapter, as a hub that was stopped and started again.
/// </summary>
public sealed class OutboxRetryRig : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hub-outbox-tests", Guid.NewGuid().ToString("N"));
    private readonly DatabaseOptions options = new() { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=hub.db" };
    private readonly TimeProvider time;
    private readonly SyncOptions sync;
    private RunningHub? running;

    public OutboxRetryRig(string systemName, TimeProvider time, SyncOptions? sync = null)
    {
        SystemName = systemName;
        this.time = time;
        this.sync = sync ?? new SyncOptions { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = 5 };
        Directory.CreateDirectory(directory);
    }

    public string SystemName { get; }

    /// <summary>Creates the correlation log as a hub start does.</summary>
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await new HubDatabase(options, directory).MigrateAsync(cancellationToken);

    /// <summary>
    /// Links the case to the record in the adapter's system and queues the intent of <paramref name="command"/> for it, as
    /// the planner does; the dispatcher makes the command again from it. Returns the outbox id.
    /// </summary>
    public async Task<long> QueueAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var db = new HubDatabase(options, directory).CreateContext();
        if (!await db.Links.AnyAsync(l => l.CaseId == command.CaseId && l.SystemName == SystemName, cancellationToken))
        {
            db.Links.Add(new LinkRecord { CaseId = command.CaseId, SystemName = SystemName, ExternalId = command.ExternalId, Role = SystemName, CreatedAt = time.GetUtcNow() });
        }

        OutboxWriter.Queue(db, new ChangeIntent
        {
            CaseId = command.CaseId,
            Target = SystemName,
            Kind = command.Kind,
            Fields = command.Fields,
            TargetValues = command.TargetValues,
            Comment = command.Comment,
            Parameters = command.Parameters,
            WithWholeCase = command.Kind == ChangeKind.FieldsChanged,
            MappingVersion = MappingSet.Empty.Version,
        }, time.GetUtcNow());
        var row = db.Outbox.Local.Single();
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>One dispatcher round of the running hub, through <paramref name="adapter"/> (the first call starts the hub).</summary>
    public Task<int> DispatchAsync(ISystemAdapter adapter, CancellationToken cancellationToken)
    {
        running ??= new RunningHub(options, directory, adapter, time, sync);
        return running.Dispatcher.DispatchDueAsync(cancellationToken);
    }

    /// <summary>
    /// The hub stops and starts again: the database opened afresh, a new dispatcher (no penalties or anything else kept in
    /// memory) around a new adapter; then one dispatcher round.
    /// </summary>
    public Task<int> DispatchAfterRestartAsync(ISystemAdapter adapter, CancellationToken cancellationToken)
    {
        running?.Dispose();
        running = new RunningHub(options, directory, adapter, time, sync);
        return running.Dispatcher.DispatchDueAsync(cancellationToken);
    }

    public async Task<OutboxCommand> OutboxRowAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = new HubDatabase(options, directory).CreateContext();
        return await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
    }

    public async Task<List<string>> OutcomesAsync(CancellationToken cancellationToken)
    {
        await using var db = new HubDatabase(options, directory).CreateContext();
        return await db.Journal.AsNoTracking().OrderBy(j => j.Sequence).Select(j => j.Outcome).ToListAsync(cancellationToken);
    }

    public void Dispose()
    {
        running?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a file the OS still holds is left in the temp folder; it holds only test data
        }
    }
}

/// <summary>One run of the hub's dispatcher over the correlation log, until it is stopped.</summary>
internal sealed class RunningHub : IDisposable
{
    private readonly HubWriteGate gate = new();

    public RunningHub(DatabaseOptions options, string directory, ISystemAdapter adapter, TimeProvider time, SyncOptions sync) =>
        Dispatcher = new OutboxDispatcher(new HubDatabase(options, directory), Hub.Engine.Cluster.HubNode.Start(TimeProvider.System), new Hub.Engine.Cluster.ClusterOptions(), new SystemAdapters([adapter]), new StaticMappingProvider(MappingSet.Empty),
            new HubJournal(time), gate, time, sync, NullLogger<OutboxDispatcher>.Instance);

    public OutboxDispatcher Dispatcher { get; }

    public void Dispose() => gate.Dispose();
}
