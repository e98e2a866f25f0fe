using Hub.Abstractions.Adapters;
using Hub.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Host.Tests.Hosting;

/// <summary>The shipped adapters, registered only when a system names them (docs/performance/load-less-2.md).</summary>
public sealed class ShippedAdaptersTests
{
    [Fact]
    public void Registering_the_shipped_adapters_twice_changes_nothing_also_for_those_no_system_uses()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Systems:servicedesk:Adapter"] = "TopDesk" })
            .Build();

        using var services = new ServiceCollection().AddShippedAdapters(configuration).AddShippedAdapters(configuration).BuildServiceProvider();

        Assert.Equal(["Dynamics", "Email", "ServiceNow", "TopDesk"], services.GetRequiredService<AdapterRegistry>().KnownTypes.Order(StringComparer.Ordinal));
    }
}
