using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

public sealed class ShippedMappingTests
{
    private static readonly MappingSet Shipped = LoadShipped();

    [Theory]
    [InlineData("Geregistreerd", "New")]
    [InlineData("in behandeling", "InProgress")]
    [InlineData("Ingepland", "Scheduled")]
    [InlineData("Wachten op leverancier", "Waiting")]
    [InlineData("Gereed", "Resolved")]
    [InlineData("Afgesloten", "Closed")]
    public void A_topdesk_processing_status_reads_as_its_canonical_status(string topdesk, string canonical)
    {
        AssertReads("servicedesk", MappedField.Status, topdesk, canonical);
    }

    [Theory]
    [InlineData("Accepted", "In behandeling")]
    [InlineData("Cancelled", "Afgesloten")]
    [InlineData("Scheduled", "Ingepland")]
    [InlineData("Resolved", "Gereed")]
    public void A_canonical_status_is_written_to_topdesk_as_a_processing_status(string canonical, string topdesk)
    {
        AssertWrites("servicedesk", MappedField.Status, canonical, topdesk);
    }

    [Theory]
    [InlineData("1", "InProgress")]
    [InlineData("2", "Waiting")]
    [InlineData("3", "Waiting")]
    [InlineData("4", "Scheduled")]
    [InlineData("5", "Resolved")]
    [InlineData("6", "Cancelled")]
    [InlineData("1000", "Closed")]
    [InlineData("2000", "Closed")]
    public void A_dynamics_statuscode_reads_as_its_canonical_status(string statuscode, string canonical)
    {
        AssertReads("facility", MappedField.Status, statuscode, canonical);
    }

    [Theory]
    [InlineData("Accepted", "1")]
    [InlineData("Waiting", "2")]
    [InlineData("Scheduled", "4")]
    [InlineData("Closed", "5")]
    public void A_canonical_status_is_written_to_dynamics_as_a_statuscode(string canonical, string statuscode)
    {
        AssertWrites("facility", MappedField.Status, canonical, statuscode);
    }

    [Theory]
    [InlineData("servicedesk")]
    [InlineData("facility")]
    public void Every_canonical_status_can_be_written_to_the_systems_that_receive_status(string system)
    {
        foreach (var status in Enum.GetNames<CaseStatus>())
        {
            Assert.True(Shipped.TryMapOutbound(system, MappedField.Status, status, out _), $"{system} has no value for {status}");
        }
    }

    [Theory]
    [InlineData("servicedesk", "Spoed", "Urgent")]
    [InlineData("servicedesk", "Laag", "Low")]
    [InlineData("facility", "1", "High")]
    [InlineData("facility", "3", "Low")]
    public void A_system_priority_reads_as_its_canonical_priority(string system, string value, string canonical)
    {
        AssertReads(system, MappedField.Priority, value, canonical);
    }

    [Fact]
    public void An_urgent_case_is_high_priority_in_dynamics_which_has_nothing_higher()
    {
        AssertWrites("facility", MappedField.Priority, "Urgent", "1");
    }

    [Theory]
    [InlineData("accepted", "Accepted")]
    [InlineData("scheduled", "Scheduled")]
    [InlineData("done", "Resolved")]
    public void A_contractor_reply_reads_as_its_canonical_status(string reply, string canonical)
    {
        AssertReads("contractor", MappedField.Status, reply, canonical);
    }

    [Fact]
    public void A_status_no_map_knows_is_not_translated()
    {
        Assert.False(Shipped.TryMapInbound("servicedesk", MappedField.Status, "Onbekend", out _));
        Assert.False(Shipped.TryMapInbound("facility", MappedField.Status, "7", out _));
    }

    [Fact]
    public void A_topdesk_category_outside_the_map_passes_through_so_no_route_takes_it()
    {
        AssertReads("servicedesk", MappedField.Category, "Hardware", "Hardware");
        AssertReads("servicedesk", MappedField.Subcategory, "Verwarming", "Verwarming");
        AssertWrites("servicedesk", MappedField.Category, "Hardware", "Hardware");
    }

    [Fact]
    public void Facility_complaints_route_from_the_service_desk_to_the_building_manager()
    {
        var route = Assert.Single(Shipped.RoutesFrom("servicedesk"));

        Assert.Equal("facility", route.To);
        Assert.Equal(["Facilitair"], route.When.Categories);
        Assert.Equal("accounts(00000000-0000-0000-0000-000000000001)", route.Parameters["customer"]);
        Assert.Equal(new FieldRule(FlowDirection.Down, "servicedesk"), route.Fields[RouteFieldNames.Title]);
        Assert.Equal(new FieldRule(FlowDirection.Up, "facility"), route.Fields[RouteFieldNames.Status]);
        Assert.Equal(FlowDirection.Both, route.Fields[RouteFieldNames.Comments].Direction);
        Assert.Equal("public", route.Fields[RouteFieldNames.Comments].Visibility);
    }

    [Theory]
    [InlineData("Sanitair", "loodgieter@contractor.example")]
    [InlineData("Verwarming", "installateur@contractor.example")]
    [InlineData("Elektra", "elektricien@contractor.example")]
    public void The_contractor_is_chosen_by_subcategory(string subcategory, string email)
    {
        var route = Assert.Single(Shipped.RoutesTo("contractor"));

        var contractor = Shipped.FindContractor(route, new CaseFields { Category = "Facilitair", Subcategory = subcategory });

        Assert.NotNull(contractor);
        Assert.Equal(email, contractor.Email);
        Assert.Equal([email], contractor.Senders);
        Assert.Equal("nl", contractor.Language);
    }

    [Fact]
    public void Work_orders_are_dutch_by_default_and_carry_the_order_token()
    {
        var dutch = Shipped.TemplateFor("de");

        Assert.NotNull(dutch);
        Assert.Equal("nl", dutch.Language);
        Assert.Contains("{{token}}", dutch.Subject, StringComparison.Ordinal);
        Assert.Contains("\nWaar: {{location}}\n", dutch.Body, StringComparison.Ordinal);
        Assert.Equal("en", Shipped.TemplateFor("en")!.Language);
    }

    [Fact]
    public void Reply_phrases_know_the_dutch_and_english_words()
    {
        var dutch = Shipped.Phrases.Single(p => p.Language == "nl");
        var english = Shipped.Phrases.Single(p => p.Language == "en");

        Assert.Contains("akkoord", dutch.Accepted);
        Assert.Subset(dutch.Done.ToHashSet(), new HashSet<string> { "gereed", "klaar", "opgelost" });
        Assert.StartsWith("dinsdag|", dutch.Weekdays[1], StringComparison.Ordinal);
        Assert.StartsWith("november|", dutch.Months[10], StringComparison.Ordinal);
        Assert.Contains("accepted", english.Accepted);
        Assert.Contains("done", english.Done);
    }

    private static void AssertReads(string system, string field, string systemValue, string canonical)
    {
        Assert.True(Shipped.TryMapInbound(system, field, systemValue, out var mapped), $"{system} {field} '{systemValue}' is not mapped");
        Assert.Equal(canonical, mapped);
    }

    private static void AssertWrites(string system, string field, string canonical, string systemValue)
    {
        Assert.True(Shipped.TryMapOutbound(system, field, canonical, out var mapped), $"{system} {field} has no value for '{canonical}'");
        Assert.Equal(systemValue, mapped);
    }

    private static MappingSet LoadShipped()
    {
        var result = MappingLoader.Load(MappingDirectory.Shipped);
        Assert.True(result.Succeeded, result.Describe());
        return result.Mappings;
    }
}
