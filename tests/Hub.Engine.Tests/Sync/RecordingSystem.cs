using System.Collections.Concurrent;
using System.Globalization;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// One system as the engine sees it through the adapter contract, in process: it hands out the pages of changes a
/// test gives it, keeps the records the hub creates and the changes it applies, and fails while told to.
/// </summary>
internal sealed class RecordingSystem(string name) : ISystemAdapter
{
    private readonly ConcurrentQueue<ChangeBatch> pages = new();
    private readonly ConcurrentDictionary<string, RecordReference> byKey = new(StringComparer.Ordinal);
    private int records;

    public string SystemName => name;

    /// <summary>The watermark the engine passed on each read, in order.</summary>
    public ConcurrentQueue<string?> WatermarksAsked { get; } = new();

    public ConcurrentQueue<CreateRecordCommand> Created { get; } = new();

    public ConcurrentQueue<ApplyChangeCommand> Applied { get; } = new();

    /// <summary>While set, every read or write fails with it.</summary>
    public AdapterException? Failure { get; set; }

    /// <summary>While set, every read throws it: an adapter failing in a way the contract does not describe.</summary>
    public Exception? ReadCrash { get; set; }

    /// <summary>Runs after a page is handed out and before the engine takes it in (e.g. the hub's database goes away).</summary>
    public Func<Task>? AfterRead { get; set; }

    public void Report(string? nextWatermark, params ObservedChange[] changes) => pages.Enqueue(new ChangeBatch(changes, nextWatermark));

    /// <summary>Hands out this page as it is, with its unreadable records.</summary>
    public void Report(ChangeBatch page) => pages.Enqueue(page);

    /// <summary>The records it answers a read on request with (<see cref="ReadRecordAsync"/>), by id.</summary>
    public ConcurrentDictionary<string, ObservedChange> OnRequest { get; } = new(StringComparer.Ordinal);

    public Task<ObservedChange?> ReadRecordAsync(string record, CancellationToken cancellationToken) =>
        Task.FromResult(OnRequest.TryGetValue(record, out var change) ? change : null);

    public async Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken)
    {
        WatermarksAsked.Enqueue(watermark);
        ThrowIfFailing();
        if (ReadCrash is { } crash)
        {
            throw crash;
        }

        var page = pages.TryDequeue(out var next) ? next : ChangeBatch.Empty(watermark);
        if (AfterRead is { } afterRead)
        {
            await afterRead();
        }

        return page;
    }

    public Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        Task.FromResult(byKey.TryGetValue(correlationKey, out var found) ? found : null);

    /// <summary>Awaited at the start of each create, before anything is recorded (a test holds a send in flight here).</summary>
    public Func<Task>? BeforeCreate { get; set; }

    public async Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (BeforeCreate is { } before)
        {
            await before();
        }

        ThrowIfFailing();
        var created = byKey.GetOrAdd(command.CorrelationKey, _ =>
        {
            var n = Interlocked.Increment(ref records).ToString("000", CultureInfo.InvariantCulture);
            return new RecordReference($"{name}-id-{n}", $"{name.ToUpperInvariant()}-{n}");
        });
        Created.Enqueue(command);
        return created;
    }

    public Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Applied.Enqueue(command);
        return Task.CompletedTask;
    }

    public Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Failure is null ? AdapterHealth.Healthy() : AdapterHealth.Unhealthy(Failure.Message));

    private void ThrowIfFailing()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
