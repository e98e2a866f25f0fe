using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Readiness;
using Hub.Adapters.TopDesk.Reading;
using Hub.Adapters.TopDesk.Writing;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;

namespace Hub.Adapters.TopDesk;

/// <summary>One TOPdesk tenant, seen through the hub's adapter contract.</summary>
internal sealed class TopDeskAdapter(
    string systemName,
    HttpClient httpClient,
    SystemCircuit circuit,
    ITopDeskApi api,
    TopDeskCalls calls,
    IncidentChangeReader reader,
    IncidentFinder finder,
    IncidentCreator creator,
    IncidentUpdater updater,
    TopDeskReadiness readiness) : ISystemAdapter, ISystemReadiness, IDisposable
{
    public string SystemName => systemName;

    public Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken) =>
        reader.ReadAsync(watermark, cancellationToken);

    public Task<ObservedChange?> ReadRecordAsync(string record, CancellationToken cancellationToken) =>
        reader.ReadOneAsync(record, cancellationToken);

    public Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        finder.FindAsync(correlationKey, cancellationToken);

    public Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken) =>
        creator.CreateAsync(command, cancellationToken);

    public Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken) =>
        updater.ApplyAsync(command, cancellationToken);

    public async Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (circuit.IsOpen)
        {
            return AdapterHealth.Unhealthy($"calls to TOPdesk are paused after repeated failures (circuit {circuit.State})");
        }

        try
        {
            var (me, _) = await calls.SendAsync("checking the hub's login", () => api.GetCurrentOperatorAsync(cancellationToken));
            return AdapterHealth.Healthy($"logged in as operator {me.DynamicName ?? me.Id}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return AdapterHealth.Unhealthy(ex.Message);
        }
    }

    public async Task<IReadOnlyList<SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken) =>
        circuit.IsOpen
            ? [SystemCheck.Fail("reachable", $"calls to TOPdesk are paused after repeated failures (circuit {circuit.State})", "see the hub's log for the failures; calls resume by themselves")]
            : await readiness.CheckAsync(cancellationToken);

    public Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken) =>
        readiness.ListValuesAsync(field, cancellationToken);

    public void Dispose() => httpClient.Dispose();
}
