using Hub.Adapters.Compliance;

namespace Hub.Adapters.Email.Tests.Compliance;

/// <summary>The shared adapter compliance suite over pickup folders (the directory transport).</summary>
public sealed class EmailAdapterComplianceTests : AdapterComplianceTests
{
    protected override Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        Task.FromResult<IAdapterComplianceHarness>(new DirectoryTransportHarness());
}
