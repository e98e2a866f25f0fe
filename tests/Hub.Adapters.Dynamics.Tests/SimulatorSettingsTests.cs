using Hub.Simulators.Dynamics;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class SimulatorSettingsTests
{
    [Fact]
    public void The_settings_for_a_system_point_the_hub_at_the_simulated_org_and_its_token_endpoint()
    {
        using var simulator = new DynamicsSimulator();

        var settings = simulator.SettingsFor("facility");

        Assert.Equal("Dynamics", settings["Hub:Systems:facility:Adapter"]);
        Assert.Equal(simulator.Url.ToString(), settings["Hub:Systems:facility:BaseUrl"]);
        Assert.Equal(simulator.Authority.ToString(), settings["Hub:Systems:facility:Authority"]);
        Assert.Equal(simulator.ClientSecret, settings["Hub:Systems:facility:ClientSecret"]);
    }
}
