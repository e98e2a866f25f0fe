using Hub.Adapters.Compliance;
using Hub.Adapters.Email.Tests.RealServers;

namespace Hub.Adapters.Email.Tests.Compliance;

/// <summary>The shared adapter compliance suite over SMTP and IMAP, on the real Postfix and Dovecot.</summary>
[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class RealMailServerComplianceTests(MailServers servers) : AdapterComplianceTests
{
    protected override async Task<IAdapterComplianceHarness> StartHarnessAsync() =>
        new RealMailServerHarness(await HubMailboxSetup.CreateAsync(servers));
}
