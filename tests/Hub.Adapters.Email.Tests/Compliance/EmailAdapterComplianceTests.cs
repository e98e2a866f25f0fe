using Hub.Adapters.Compliance;

namespace Hub.Adapters.Email.Tests.Compliance;

public sealed class EmailAdapterComplianceTests : AdapterComplianceTests
{
    protected override Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        Task.FromResult<IAdapterComplianceHarness>(new DirectoryTransportHarness());
}
