using Hub.Adapters.Compliance;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>The shared adapter compliance suite against the simulated Dynamics org.</summary>
public sealed class DynamicsComplianceTests : AdapterComplianceTests
{
    protected override Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        Task.FromResult<IAdapterComplianceHarness>(new SimulatedOrgHarness());

    private sealed class SimulatedOrgHarness : IAdapterComplianceHarness
    {
        private readonly DynamicsRig rig = new();

        public ISystemAdapter CreateAdapter() => rig.CreateAdapter();

        public ISystemAdapter CreateAdapterForUnreachablePeer()
        {
            var closed = FreeLoopbackPort.Find();
            return rig.CreateAdapter(new Dictionary<string, string?>
            {
                ["BaseUrl"] = $"http://127.0.0.1:{closed}/",
                ["Authority"] = $"https://127.0.0.1:{closed}/",
            });
        }

        public CreateRecordCommand SampleCreateCommand(string correlationKey) => rig.NewCase(correlationKey);

        public Task<int> CountRecordsWithCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
            Task.FromResult(rig.Simulator.Cases.Count(c => c.CorrelationKey == correlationKey));

        public Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken)
        {
            rig.Simulator.PersonAddsNote(Guid.Parse(externalId), text);
            return Task.CompletedTask;
        }

        public Task MakePeerFailAsync(CancellationToken cancellationToken)
        {
            rig.Simulator.FailNextRequests(int.MaxValue);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            rig.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
