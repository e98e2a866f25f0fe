using Hub.Adapters.Compliance;
using System.Globalization;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

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

        /// <summary>Cancelled with the standard reason 6; the peer shows state and reason as "statecode/statuscode".</summary>
        public (ApplyChangeCommand Change, string Shown) SampleStatusChange(string externalId) => (new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000042",
            ExternalId = externalId,
            Kind = ChangeKind.StatusChanged,
            Fields = new CaseFields { Status = CaseStatus.Cancelled },
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "6" },
        }, "2/6");

        public Task<string?> StatusOfAsync(string externalId, CancellationToken cancellationToken) =>
            Task.FromResult(rig.Simulator.FindCase(Guid.Parse(externalId)) is { } found
                ? string.Create(CultureInfo.InvariantCulture, $"{found.StateCode}/{found.StatusCode}")
                : null);

        public string UnknownExternalId { get; } = Guid.NewGuid().ToString();

        public Task MakePeerFailAsync(CancellationToken cancellationToken)
        {
            rig.Simulator.FailNextRequests(int.MaxValue);
            return Task.CompletedTask;
        }

        public Task<TimeSpan?> MakePeerThrottleAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
        {
            rig.Simulator.ThrottleBurst(int.MaxValue, retryAfter);
            return Task.FromResult<TimeSpan?>(retryAfter);
        }

        public Task MakePeerRefuseAsync(CancellationToken cancellationToken)
        {
            rig.Simulator.FailNextRequests(int.MaxValue, 403);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            rig.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
