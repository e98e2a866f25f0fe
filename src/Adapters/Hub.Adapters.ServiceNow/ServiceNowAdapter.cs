using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Hub.Adapters.ServiceNow.Readiness;
using Hub.Adapters.ServiceNow.Reading;
using Hub.Adapters.ServiceNow.Writing;

namespace Hub.Adapters.ServiceNow;

/// <summary>One ServiceNow instance's incident table, seen through the hub's adapter contract.</summary>
internal sealed class ServiceNowAdapter(
    string systemName,
    IReadOnlyList<IDisposable> clients,
    SystemCircuit circuit,
    IncidentChangeReader reader,
    IncidentFinder finder,
    IncidentCreator creator,
    IncidentUpdater updater,
    ServiceNowReadiness readiness) : ISystemAdapter, ISystemReadiness, IDisposable
{
    public string SystemName => systemName;

    public Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken) => reader.ReadAsync(watermark, cancellationToken);

    public Task<ObservedChange?> ReadRecordAsync(string record, CancellationToken cancellationToken) => reader.ReadOneAsync(record, cancellationToken);

    public Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) => finder.FindAsync(correlationKey, cancellationToken);

    public Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken) => creator.CreateAsync(command, cancellationToken);

    public Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken) => updater.ApplyAsync(command, cancellationToken);

    public async Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (circuit.IsOpen)
        {
            return AdapterHealth.Unhealthy($"calls to ServiceNow are paused after repeated failures (circuit {circuit.State})");
        }

        try
        {
            return await readiness.IntegrationUserAsync(cancellationToken) is { } user
                ? AdapterHealth.Healthy($"signed in; the hub acts as {IncidentTranslation.Text(user, "user_name")}")
                : AdapterHealth.Unhealthy("signed in, but the integration user is not in sys_user (check IntegrationUser)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return AdapterHealth.Unhealthy(ex.Message);
        }
    }

    public async Task<IReadOnlyList<SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken) =>
        circuit.IsOpen
            ? [SystemCheck.Fail("reachable", $"calls to ServiceNow are paused after repeated failures (circuit {circuit.State})", "see the hub's log for the failures; calls resume by themselves")]
            : await readiness.CheckAsync(cancellationToken);

    public Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken) => readiness.ListValuesAsync(field, cancellationToken);

    public void Dispose()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
