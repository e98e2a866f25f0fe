using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

/// <summary>The shipped example mappings/examples/topdesk-topdesk: two TOPdesks in one chain, each in its own words.</summary>
public sealed class TopDeskOnBothSidesMappingTests
{
    private static readonly string Folder = Path.Combine(MappingDirectory.Shipped, "examples", "topdesk-topdesk");
    private static readonly MappingSet Example = Load();

    [Fact]
    public void The_example_loads_without_errors_with_both_topdesks_and_the_contractor()
    {
        Assert.Equal(["contractor", "facility", "servicedesk"], Example.Systems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("facility", Example.Systems["facility"].Role);
    }

    [Theory]
    [InlineData("New", "Geregistreerd", "Nieuw")]
    [InlineData("Accepted", "In behandeling", "In uitvoering")]
    [InlineData("Scheduled", "Ingepland", "Afspraak gemaakt")]
    [InlineData("Resolved", "Gereed", "Opgelost")]
    [InlineData("Cancelled", "Afgesloten", "Gesloten")]
    public void One_canonical_status_is_written_to_each_topdesk_as_its_own_processing_status(string canonical, string servicedesk, string facility)
    {
        Assert.True(Example.TryMapOutbound("servicedesk", MappedField.Status, canonical, out var atServiceDesk));
        Assert.True(Example.TryMapOutbound("facility", MappedField.Status, canonical, out var atFacility));
        Assert.Equal((servicedesk, facility), (atServiceDesk, atFacility));
    }

    [Theory]
    [InlineData("servicedesk")]
    [InlineData("facility")]
    public void Every_canonical_status_priority_and_the_routed_category_can_be_written_to_both_topdesks(string system)
    {
        Assert.All(Enum.GetNames<CaseStatus>(), s => Assert.True(Example.TryMapOutbound(system, MappedField.Status, s, out _), $"{system} status {s}"));
        Assert.All(Enum.GetNames<CasePriority>(), p => Assert.True(Example.TryMapOutbound(system, MappedField.Priority, p, out _), $"{system} priority {p}"));
        Assert.True(Example.TryMapOutbound(system, MappedField.Category, "Facilitair", out _));
    }

    [Theory]
    [InlineData("Loodgieterswerk", "Sanitair", "loodgieter@contractor.example")]
    [InlineData("Klimaat", "Verwarming", "installateur@contractor.example")]
    [InlineData("Elektrotechniek", "Elektra", "elektricien@contractor.example")]
    public void The_building_managers_subcategory_picks_the_contractor(string facilitySubcategory, string canonical, string email)
    {
        Assert.True(Example.TryMapInbound("facility", MappedField.Subcategory, facilitySubcategory, out var mapped));
        Assert.Equal(canonical, mapped);
        Assert.True(Example.TryMapOutbound("facility", MappedField.Subcategory, canonical, out var written));
        Assert.Equal(facilitySubcategory, written);
        var route = Assert.Single(Example.RoutesTo("contractor"));
        Assert.Equal(email, Example.FindContractor(route, new CaseFields { Category = "Facilitair", Subcategory = mapped })?.Email);
    }

    [Fact]
    public void The_complaint_goes_to_the_building_managers_operator_group_with_its_category_and_subcategory()
    {
        var route = Assert.Single(Example.RoutesFrom("servicedesk"));
        Assert.Equal("facility", route.To);
        Assert.Equal("Meldpunt gebouwbeheer", route.Parameters["operatorGroup"]);
        Assert.Equal(new FieldRule(FlowDirection.Down, "servicedesk"), route.Fields[RouteFieldNames.Subcategory]);
        Assert.Equal(new FieldRule(FlowDirection.Up, "facility"), route.Fields[RouteFieldNames.Status]);
    }

    [Fact]
    public void Every_example_file_points_its_editor_at_the_shipped_schema()
    {
        foreach (var file in MappingLoader.MappingFiles(Folder))
        {
            var firstLines = string.Join(' ', File.ReadLines(file).Take(2)).Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.StartsWith("{\"$schema\":\"../../hub-mappings.schema.json\"", firstLines, StringComparison.Ordinal);
        }
    }

    private static MappingSet Load()
    {
        var result = MappingLoader.Load(Folder);
        Assert.True(result.Succeeded, result.Describe());
        return result.Mappings;
    }
}
