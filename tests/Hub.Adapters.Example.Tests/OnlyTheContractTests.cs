using System.Text.Json;

namespace Hub.Adapters.Example.Tests;

/// <summary>The example adapter, and this test project around it, are built on the contract alone: no engine, no database.</summary>
public sealed class OnlyTheContractTests
{
    private static readonly string[] Forbidden = ["Hub.Engine", "Hub.Host", "Hub.Testing.Engine", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite"];

    [Fact]
    public void The_example_adapter_references_no_hub_assembly_but_the_contract()
    {
        var references = typeof(TicketDeskOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Hub.Abstractions", references);
        Assert.Equal(["Hub.Abstractions"], references.Where(n => n.StartsWith("Hub.", StringComparison.Ordinal)));
        Assert.DoesNotContain(references, n => Forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Nothing_this_test_project_depends_on_brings_the_engine_or_a_database()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hub.Adapters.Example.Tests.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToList();

        Assert.Contains("Hub.Abstractions", libraries);
        Assert.Contains("Hub.Adapters.Compliance", libraries);
        Assert.DoesNotContain(libraries, n => Forbidden.Any(f => n.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }
}
