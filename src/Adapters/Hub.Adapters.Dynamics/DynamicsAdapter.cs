using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Readiness;
using Hub.Adapters.Dynamics.Reading;
using Hub.Adapters.Dynamics.Writing;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics;

/// <summary>The hub's adapter for one Dynamics 365 org: cases and their notes, both ways.</summary>
internal sealed class DynamicsAdapter(
    DataverseConnection connection,
    CaseChangeReader caseReader,
    NoteChangeReader noteReader,
    CaseCreator creator,
    CaseUpdater updater,
    AlternateKeyCheck keyCheck,
    DynamicsReadiness readiness,
    HttpClient http) : ISystemAdapter, ISystemReadiness, IDisposable
{
    public string SystemName => connection.SystemName;

    public async Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken)
    {
        var appUserId = await connection.AppUserIdAsync(cancellationToken);
        var state = DynamicsWatermark.Parse(watermark, connection.Now - connection.Options.FirstPollLookback);
        var unreadable = new List<UnreadableRecord>();
        var (cases, afterCases) = await caseReader.ReadPageAsync(state, appUserId, unreadable, cancellationToken);
        var (notes, next) = await noteReader.ReadPageAsync(afterCases, appUserId, unreadable, cancellationToken);
        var more = next.CasePaging || next.NoteLink is not null;
        // change tracking cannot be ordered by the org ($orderby is refused), so the page is put oldest first here
        var changes = cases.Concat(notes).OrderBy(c => c.OccurredAt).ToList();
        return new ChangeBatch(changes, next.ToString(), more) { Unreadable = unreadable };
    }

    public async Task<ObservedChange?> ReadRecordAsync(string record, CancellationToken cancellationToken) =>
        await caseReader.ReadOneAsync(record, await connection.AppUserIdAsync(cancellationToken), cancellationToken);

    public Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        creator.FindAsync(correlationKey, cancellationToken);

    public Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return creator.CreateAsync(command, cancellationToken);
    }

    public Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return updater.ApplyAsync(command, cancellationToken);
    }

    /// <summary>
    /// Unhealthy at once while calls are paused after repeated failures (the circuit is open); otherwise signs in, asks
    /// WhoAmI and checks the alternate key on the correlation column.
    /// </summary>
    public async Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (connection.Circuit.IsOpen)
        {
            return AdapterHealth.Unhealthy($"calls to Dynamics are paused after repeated failures (circuit {connection.Circuit.State})");
        }

        try
        {
            var user = await connection.AppUserIdAsync(cancellationToken);
            return await keyCheck.ProblemAsync(cancellationToken) is { } problem
                ? AdapterHealth.Unhealthy(problem)
                : AdapterHealth.Healthy($"signed in as application user {user}; alternate key on {connection.Options.CorrelationKeyColumn} is active");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return AdapterHealth.Unhealthy(e.Message);
        }
    }

    public async Task<IReadOnlyList<SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken) =>
        connection.Circuit.IsOpen
            ? [SystemCheck.Fail("signed in", $"calls to Dynamics are paused after repeated failures (circuit {connection.Circuit.State})", "see the hub's log for the failures; calls resume by themselves")]
            : await readiness.CheckAsync(cancellationToken);

    /// <summary>The org's own status reasons and priorities (option values), read from the Case table's definition.</summary>
    public Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken) =>
        readiness.ListValuesAsync(field, cancellationToken);

    public void Dispose() => http.Dispose();
}
