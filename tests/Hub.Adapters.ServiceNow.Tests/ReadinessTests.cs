using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Simulators.ServiceNow;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>What `hub check` and /health learn from an instance: sign-in, time zone, table access, groups, and the choices the value maps name.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_well_set_up_instance_passes_every_check()
    {
        using var testbed = new ServiceNowTestbed();

        var checks = await ((ISystemReadiness)testbed.CreateAdapter()).CheckReadinessAsync(ServiceNowTestbed.Timeout);

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Contains(checks, c => c.Name == "time zone");
        Assert.Contains(checks, c => c.Name == "comments and work notes");
    }

    [Fact]
    public async Task An_integration_user_outside_gmt_fails_the_time_zone_check_with_the_fix()
    {
        using var testbed = new ServiceNowTestbed(new ServiceNowSimulatorOptions { UserTimeZone = "Europe/Amsterdam" });

        var checks = await ((ISystemReadiness)testbed.CreateAdapter()).CheckReadinessAsync(ServiceNowTestbed.Timeout);

        var zone = Assert.Single(checks, c => c.Name == "time zone");
        Assert.False(zone.Passed);
        Assert.Contains("GMT", zone.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_and_category_choices_are_listed_for_the_value_maps()
    {
        using var testbed = new ServiceNowTestbed();
        var adapter = (ISystemReadiness)testbed.CreateAdapter();

        var states = await adapter.ListValuesAsync(MappedField.Status, ServiceNowTestbed.Timeout);
        var categories = await adapter.ListValuesAsync(MappedField.Category, ServiceNowTestbed.Timeout);

        Assert.Equal(["1", "2", "3", "6", "7", "8"], states);
        Assert.Contains("facilities", categories!);
    }
}
