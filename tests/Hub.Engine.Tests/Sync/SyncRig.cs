using Hub.Engine.Cluster;
using Hub.Engine.Journey;
using Hub.Engine.Mapping;
using Hub.Engine.Tests.Mapping;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// The sync engine (intake, poll, dispatcher, dead letters) wired as the host wires it, over one test database,
/// the shipped mappings, a hand-moved clock and the three systems of the example chain.
/// </summary>
internal sealed class SyncRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly HubWriteGate gate = new();
    private readonly TestDatabase temp;
    private readonly FileMappingProvider mappings;
    private readonly HubJournal journal;

    private SyncRig(TestDatabase temp, bool withMilestones)
    {
        this.temp = temp;
        if (!withMilestones)
        {
            MappingFiles.Delete("milestones.json");
        }

        Database = temp.Database;
        mappings = new FileMappingProvider(MappingFiles.Path, NullLogger<FileMappingProvider>.Instance, Clock, new FileMappingProviderOptions { WatchForChanges = false, PollInterval = TimeSpan.Zero });
        journal = new HubJournal(Clock);
        var adapters = new SystemAdapters([ServiceDesk, Facility, Contractor]);
        var planner = new CasePlanner(journal, Options);
        Intake = new ChangeIntake(Database, mappings, journal, gate, Clock, new NoDispatchSignal(), planner, NullLogger<ChangeIntake>.Instance);
        Poll = new PollCycle(Database, adapters, Intake, journal, gate, Clock, NullLogger<PollCycle>.Instance);
        Dispatcher = DispatcherOf(Node);
        LiveIntake = new LiveIntake(adapters, Intake, Database, Named, new NoDispatchSignal(), NullLogger<LiveIntake>.Instance);
        DeadLetters = new DeadLetters(Database, journal, gate, Clock);
    }

    /// <summary>
    /// The engine over a fresh database from <paramref name="databases"/>. Without <paramref name="withMilestones"/> the
    /// shipped milestone sentences are left out, so the origin gets only what the chain itself sends (the journey's
    /// own tests ask for them).
    /// </summary>
    public static async Task<SyncRig> StartAsync(IDatabaseSource databases, bool withMilestones = false) => new(await databases.CreateAsync(), withMilestones);

    public FakeTimeProvider Clock { get; } = new(Start);

    private NamedCases? named;

    /// <summary>The node this rig's <see cref="Dispatcher"/> sends as.</summary>
    public HubNode Node { get; } = HubNode.Start(TimeProvider.System) with { NodeId = "node-one" };

    /// <summary>
    /// A dispatcher of another node on the same database, with the same adapters, journal and clock; in this process
    /// (the rig's write gate) unless it is given a gate of its own, as a node in another process has.
    /// </summary>
    public OutboxDispatcher DispatcherOf(HubNode node, HubWriteGate? ownGate = null) =>
        new(Database, node, new ClusterOptions(), new SystemAdapters([ServiceDesk, Facility, Contractor]), mappings, journal, ownGate ?? gate, Clock, Options, NullLogger<OutboxDispatcher>.Instance, Named);

    /// <summary>A copy of the shipped mappings the test may edit; <see cref="ReloadMappings"/> takes the edit up.</summary>
    public MappingDirectory MappingFiles { get; } = MappingDirectory.CopyOfShipped();
    public SyncOptions Options { get; } = new() { RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1), MaxAttempts = 5 };
    public HubDatabase Database { get; }

    /// <summary>The test's database itself, for raw SQL past the hub.</summary>
    public TestDatabase Storage => temp;
    public RecordingSystem ServiceDesk { get; } = new("servicedesk");
    public RecordingSystem Facility { get; } = new("facility");
    public RecordingSystem Contractor { get; } = new("contractor");
    public ChangeIntake Intake { get; }
    public PollCycle Poll { get; }
    public OutboxDispatcher Dispatcher { get; }

    /// <summary>The cases webhooks named a record of, as this rig's <see cref="LiveIntake"/> marks them for <see cref="Dispatcher"/>.</summary>
    public NamedCases Named => named ??= new NamedCases(Clock);

    /// <summary>Takes in a record a webhook named (read from <see cref="RecordingSystem.OnRequest"/>).</summary>
    public LiveIntake LiveIntake { get; }
    public DeadLetters DeadLetters { get; }

    /// <summary>A look for overdue steps as one node of the hub runs it, with <see cref="Options"/> as they are now (its calendar).</summary>
    public OverdueSteps NewOverdueSteps() =>
        new(Database, mappings, new HubJournal(Clock), gate, Clock, Options, new NoDispatchSignal(), NullLogger<OverdueSteps>.Instance);

    /// <summary>The version of the mapping in force.</summary>
    public string MappingVersion => mappings.Current.Version;

    /// <summary>Takes up an edit of <see cref="MappingFiles"/> as the host does on a file change; fails with the loader's errors.</summary>
    public void ReloadMappings() => Assert.True(mappings.CheckForChanges(), mappings.LastError ?? "the mapping files did not change");

    public Task<PollOutcome> PollAsync(string system) => Poll.PollAsync(system, CancellationToken.None);

    public Task<int> DispatchAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);

    /// <summary>Dispatches round after round until nothing is due; returns how many commands went out.</summary>
    public async Task<int> DispatchAllDueAsync()
    {
        var total = 0;
        for (var sent = await DispatchAsync(); sent > 0; sent = await DispatchAsync())
        {
            total += sent;
        }

        return total;
    }

    public async Task<T> ReadAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    public Task<List<OutboxCommand>> OutboxAsync() =>
        ReadAsync(db => db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync());

    public Task<List<JournalEntry>> JournalAsync() =>
        ReadAsync(db => db.Journal.AsNoTracking().OrderBy(j => j.Sequence).ToListAsync());

    public Task<List<string>> OutcomesAsync() =>
        ReadAsync(db => db.Journal.AsNoTracking().OrderBy(j => j.Sequence).Select(j => j.Outcome).ToListAsync());

    public async Task AssertJournalIntactAsync()
    {
        var verdict = await ReadAsync(db => JournalVerifier.VerifyAsync(db, CancellationToken.None));
        Assert.True(verdict.IsIntact, verdict.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        gate.Dispose();
        mappings.Dispose();
        MappingFiles.Dispose();
        await temp.DisposeAsync();
    }
}
