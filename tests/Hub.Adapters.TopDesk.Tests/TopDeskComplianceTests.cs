using Hub.Adapters.Compliance;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
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

        /// <summary>
        /// TOPdesk keeps modification dates to the second and the watermark is the latest one seen: the person writes in
        /// the next second, as a person typing after the hub's last read does, so the watermark can show the change.
        /// </summary>
        public async Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken)
        {
            var second = testbed.Time.GetUtcNow().Ticks / TimeSpan.TicksPerSecond;
            while (testbed.Time.GetUtcNow().Ticks / TimeSpan.TicksPerSecond == second)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), testbed.Time, cancellationToken); // a timer may fire a little early
            }

            testbed.Simulator.AddAction(externalId, text);
        }

        public (ApplyChangeCommand Change, string Shown) SampleStatusChange(string externalId) => (new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000042",
            ExternalId = externalId,
            Kind = ChangeKind.StatusChanged,
            Fields = new CaseFields { Status = CaseStatus.InProgress },
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "In behandeling" },
        }, "In behandeling");

        public Task<string?> StatusOfAsync(string externalId, CancellationToken cancellationToken) =>
            Task.FromResult(testbed.Simulator.Incidents.FirstOrDefault(i => i.Id == externalId)?.ProcessingStatus?.Name);

        public string UnknownExternalId { get; } = Guid.NewGuid().ToString();

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
            testbed.Simulator.FailNextRequests(int.MaxValue, 400, message: "externalNumber: the value is not allowed");
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            testbed.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
