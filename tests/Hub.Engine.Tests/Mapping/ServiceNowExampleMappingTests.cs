using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

/// <summary>
/// The shipped example mappings for ServiceNow in either role load as they are, and translate the instance's own
/// values (state, priority, category and subcategory choices) both ways.
/// </summary>
public sealed class ServiceNowExampleMappingTests
{
    private static readonly string[] States = ["1", "2", "3", "6", "7", "8"];

    [Theory]
    [InlineData("servicenow-servicedesk", "servicedesk", "ServiceNow")]
    [InlineData("servicenow-facility", "facility", "ServiceNow")]
    public void The_example_loads_and_names_servicenow_in_its_role(string example, string system, string adapter)
    {
        var mappings = Load(example);

        Assert.Equal(adapter, mappings.Systems[system].Adapter);
        Assert.Equal(3, mappings.Systems.Count);
    }

    [Theory]
    [InlineData("servicenow-servicedesk", "servicedesk")]
    [InlineData("servicenow-facility", "facility")]
    public void Every_canonical_status_can_be_written_to_servicenow_and_every_state_read_back(string example, string system)
    {
        var mappings = Load(example);

        foreach (var status in Enum.GetNames<CaseStatus>())
        {
            Assert.True(mappings.TryMapOutbound(system, MappedField.Status, status, out var state), $"{system} has no state for {status}");
            Assert.Contains(state, States);
        }

        foreach (var (state, canonical) in new[] { ("1", "New"), ("2", "InProgress"), ("3", "Waiting"), ("6", "Resolved"), ("7", "Closed"), ("8", "Cancelled") })
        {
            Assert.True(mappings.TryMapInbound(system, MappedField.Status, state, out var read));
            Assert.Equal(canonical, read);
        }
    }

    [Theory]
    [InlineData("servicenow-servicedesk", "servicedesk")]
    [InlineData("servicenow-facility", "facility")]
    public void The_facilities_category_and_the_plumbing_subcategory_are_the_chains_facilitair_and_sanitair(string example, string system)
    {
        var mappings = Load(example);

        Assert.True(mappings.TryMapInbound(system, MappedField.Category, "facilities", out var category));
        Assert.True(mappings.TryMapOutbound(system, MappedField.Subcategory, "Sanitair", out var subcategory));
        Assert.Equal(("Facilitair", "plumbing"), (category, subcategory));
    }

    [Fact]
    public void The_building_managers_servicenow_gets_its_assignment_group_from_the_route()
    {
        var route = Assert.Single(Load("servicenow-facility").RoutesTo("facility"));

        Assert.Equal("Facilities", route.Parameters["assignmentGroup"]);
    }

    private static MappingSet Load(string example)
    {
        var result = MappingLoader.Load(Path.Combine(MappingDirectory.Shipped, "examples", example));
        Assert.True(result.Succeeded, result.Describe());
        return result.Mappings;
    }
}
