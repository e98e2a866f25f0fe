using Hub.Adapters.Compliance;

namespace Hub.Adapters.Example.Tests;

/// <summary>The shared adapter compliance suite, whole, against the toy TicketDesk.</summary>
public sealed class TicketDeskComplianceTests : AdapterComplianceTests
{
    protected override Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        Task.FromResult<IAdapterComplianceHarness>(new TicketDeskHarness());
}
