
namespace Hub.Host.Tests.Audit;

/// <summary>Tests that talk to a running hub web host over a temp database holding the <see cref="ComplaintChain"/>.</summary>
public abstract class SeededChainHostTests : SeededChainTests
{
    internal AuditWebHost Host { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory);
    }

    public override async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await base.DisposeAsync();
    }
}
