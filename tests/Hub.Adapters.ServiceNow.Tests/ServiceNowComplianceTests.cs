using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Adapters.Compliance;
using Hub.Simulators.ServiceNow;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>The shared adapter compliance suite, run against the simulated ServiceNow instance with Basic authentication.</summary>
public sealed class ServiceNowComplianceTests : AdapterComplianceTests
{
    protected override Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        Task.FromResult<IAdapterComplianceHarness>(new ServiceNowComplianceHarness(oauth: false));
}

/// <summary>The same suite with OAuth 2.0 client credentials: every case also holds when the hub signs in with tokens.</summary>
public sealed class ServiceNowOAuthComplianceTests : AdapterComplianceTests
{
    protected override Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        Task.FromResult<IAdapterComplianceHarness>(new ServiceNowComplianceHarness(oauth: true));
}

internal sealed class ServiceNowComplianceHarness(bool oauth) : IAdapterComplianceHarness
{
    private readonly ServiceNowTestbed testbed = new();

    public ISystemAdapter CreateAdapter() => testbed.CreateAdapter(oauth: oauth);

    public ISystemAdapter CreateAdapterForUnreachablePeer()
    {
        string url;
        using (var gone = new ServiceNowSimulator())
        {
            url = gone.Url; // nobody listens there once it is disposed
        }

        return testbed.CreateAdapter(new Dictionary<string, string?> { ["InstanceUrl"] = url }, oauth);
    }

    public CreateRecordCommand SampleCreateCommand(string correlationKey) => ServiceNowTestbed.CreateCommand(correlationKey);

    public Task<int> CountRecordsWithCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        Task.FromResult(testbed.Simulator.Incidents.Count(i => i.CorrelationId == correlationKey));

    /// <summary>sys_updated_on is whole seconds and the watermark the latest one seen: the person writes in the next second.</summary>
    public async Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken)
    {
        var second = testbed.Time.GetUtcNow().Ticks / TimeSpan.TicksPerSecond;
        while (testbed.Time.GetUtcNow().Ticks / TimeSpan.TicksPerSecond == second)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), testbed.Time, cancellationToken);
        }

        testbed.Simulator.AddComment(externalId, text);
    }

    public (ApplyChangeCommand Change, string Shown) SampleStatusChange(string externalId) => (new ApplyChangeCommand
    {
        CaseId = "HUB-2026-000042",
        ExternalId = externalId,
        Kind = ChangeKind.StatusChanged,
        Fields = new CaseFields { Status = CaseStatus.InProgress },
        TargetValues = new Dictionary<string, string> { [MappedField.Status] = "2" },
    }, "2");

    public Task<string?> StatusOfAsync(string externalId, CancellationToken cancellationToken) =>
        Task.FromResult(testbed.Simulator.Incidents.FirstOrDefault(i => i.SysId == externalId)?.State);

    public string UnknownExternalId { get; } = Guid.NewGuid().ToString("N");

    public Task MakePeerFailAsync(CancellationToken cancellationToken)
    {
        testbed.Simulator.MakeUnavailable();
        return Task.CompletedTask;
    }

    public Task<TimeSpan?> MakePeerThrottleAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        testbed.Simulator.ThrottleNextRequests(int.MaxValue, retryAfter);
        return Task.FromResult<TimeSpan?>(retryAfter);
    }

    public Task MakePeerRefuseAsync(CancellationToken cancellationToken)
    {
        testbed.Simulator.FailNextRequests(int.MaxValue, 403, "Operation Failed", "ACL Exception Insert Failed due to security constraints");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        testbed.Dispose();
        return ValueTask.CompletedTask;
    }
}
