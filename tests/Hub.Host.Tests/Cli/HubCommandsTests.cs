using Hub.Host.Cli;

namespace Hub.Host.Tests.Cli;

public sealed class HubCommandsTests
{
    [Fact]
    public void Every_subcommand_factory_in_the_hub_is_on_its_command_line()
    {
        var factories = typeof(IHubCommandFactory).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IHubCommandFactory).IsAssignableFrom(t))
            .Select(t => ((IHubCommandFactory)Activator.CreateInstance(t)!).Create().Name)
            .Order(StringComparer.Ordinal);

        var onTheCommandLine = HubCli.Build().Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(factories, name => Assert.Contains(name, onTheCommandLine));
        Assert.Equal(HubCommands.All().Count(), HubCommands.All().Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }
}
