using Hub.Adapters.Compliance;
using Hub.Abstractions.Adapters;
using Hub.Simulators.TopDesk;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>The shared adapter compliance suite, run against the simulated TOPdesk.</summary>
public sealed class TopDeskComplianceTests : AdapterComplianceTests
{
    protected override Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        Task.FromResult<IAdapterComplianceHarness>(new TopDeskComplianceHarness());

    private sealed class TopDeskComplianceHarness : IAdapterComplianceHarness
    {
        private readonly TopDeskTestbed testbed = new();

        public ISystemAdapter CreateAdapter() => testbed.CreateAdapter();

        public ISystemAdapter CreateAdapterForUnreachablePeer()
        {
            string url;
            using (var gone = new TopDeskSimulator())
            {
                url = gone.Url; // nobody listens there once it is disposed
            }

            return testbed.CreateAdapter(new Dictionary<string, string?> { ["BaseUrl"] = url });
        }

        public CreateRecordCommand SampleCreateCommand(string correlationKey) => TopDeskTestbed.CreateCommand(correlationKey);

        public Task<int> CountRecordsWithCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
            Task.FromResult(testbed.Simulator.Incidents.Count(i => i.ExternalNumber == correlationKey));

        public Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken)
        {
            testbed.Simulator.AddAction(externalId, text);
            return Task.CompletedTask;
        }

        public Task MakePeerFailAsync(CancellationToken cancellationToken)
        {
            testbed.Simulator.MakeUnavailable();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            testbed.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
