using Hub.Core.Adapters;

namespace Hub.Core.Tests.Sync;

/// <summary>A system that accepts every create and change and remembers them, so a test can see what the hub wrote.</summary>
internal sealed class RecordingSystem(string systemName, string idPrefix) : ISystemAdapter
{
    private int created;

    public string SystemName => systemName;

    public List<CreateRecordCommand> Creates { get; } = [];

    public List<ApplyChangeCommand> Changes { get; } = [];

    public Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken) =>
        Task.FromResult(new ChangeBatch([], watermark));

    public Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        Task.FromResult<RecordReference?>(null);

    public Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        Creates.Add(command);
        var number = Interlocked.Increment(ref created);
        return Task.FromResult(new RecordReference($"{idPrefix}-{number}", $"{idPrefix.ToUpperInvariant()}-{number:D4}"));
    }

    public Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        Changes.Add(command);
        return Task.CompletedTask;
    }

    public Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(AdapterHealth.Healthy());
}
