using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>
/// Two TOPdesk systems in one hub (the tenant's servicedesk and the building manager's facility), registered once and
/// configured side by side as the host does it: each has its own login, its own search lists and its own operator.
/// </summary>
public sealed class TwoTopDeskSystemsTests : IDisposable
{
    private readonly TopDeskSimulator serviceDesk = new();
    private readonly TopDeskSimulator facility = new(new TopDeskSimulatorOptions
    {
        Username = "koppeling-huurder",
        HubOperatorName = "Koppeling huurder",
        StaffOperatorName = "Joost Bakker",
        SearchLists = TopDeskSearchLists.BuildingManager,
    });

    private readonly ServiceProvider services;
    private readonly IConfigurationRoot configuration;

    public TwoTopDeskSystemsTests()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (system, simulator) in new[] { ("servicedesk", serviceDesk), ("facility", facility) })
        {
            foreach (var (key, value) in simulator.SettingsFor(system))
            {
                settings[key] = value;
            }

            settings[$"Hub:Systems:{system}:Http:MaxRetries"] = "0";
        }

        configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection().AddTopDeskAdapter(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_simulated_tenants_share_no_search_list_name_and_no_operator()
    {
        Assert.Empty(serviceDesk.ProcessingStatusNames.Intersect(facility.ProcessingStatusNames));
        Assert.NotEqual(serviceDesk.HubOperator, facility.HubOperator);
        Assert.NotEqual(serviceDesk.HubOperator.Name, facility.HubOperator.Name);
        Assert.NotEqual(serviceDesk.Username, facility.Username);
    }

    [Fact]
    public async Task Each_system_writes_with_its_own_login_and_resolves_names_in_its_own_lists()
    {
        var atServiceDesk = Adapter("servicedesk");
        var atFacility = Adapter("facility");

        var order = await atFacility.CreateAsync(Command(TopDeskTestbed.NewKey(), "Gebouwbeheer", "Loodgieterswerk", "Nieuw", "P2 Hoog"), TopDeskTestbed.Timeout);
        var incident = await atServiceDesk.CreateAsync(Command(TopDeskTestbed.NewKey(), "Facilitair", "Sanitair", "Geregistreerd", "Hoog"), TopDeskTestbed.Timeout);

        var created = facility.Incident(order.ExternalId);
        Assert.Equal(("Gebouwbeheer", "Loodgieterswerk", "P2 Hoog"), (created.Category?.Name, created.Subcategory?.Name, created.Priority?.Name));
        Assert.Equal(facility.HubOperator, created.Creator);
        Assert.Equal(serviceDesk.HubOperator, serviceDesk.Incident(incident.ExternalId).Creator);
        Assert.Single(facility.Incidents);
        Assert.Single(serviceDesk.Incidents);
    }

    [Fact]
    public async Task A_value_of_the_other_topdesk_is_refused_naming_the_system_and_its_own_list()
    {
        await Adapter("servicedesk").CreateAsync(Command(TopDeskTestbed.NewKey(), "Facilitair", "Sanitair", "Geregistreerd", "Hoog"), TopDeskTestbed.Timeout);

        var refused = await Assert.ThrowsAsync<AdapterException>(() =>
            Adapter("facility").CreateAsync(Command(TopDeskTestbed.NewKey(), "Facilitair", "Sanitair", "Geregistreerd", "Hoog"), TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, refused.Kind);
        Assert.Equal("facility", refused.SystemName);
        Assert.Contains("TOPdesk has no category named 'Facilitair'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Gebouwbeheer", refused.Message, StringComparison.Ordinal);
        Assert.Empty(facility.Incidents);
    }

    [Fact]
    public async Task Each_system_knows_the_hubs_own_progress_entries_by_its_own_operator()
    {
        var atFacility = Adapter("facility");
        var order = await atFacility.CreateAsync(Command(TopDeskTestbed.NewKey(), "Gebouwbeheer", "Loodgieterswerk", "Nieuw", "P3 Normaal"), TopDeskTestbed.Timeout);
        await atFacility.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000042",
            ExternalId = order.ExternalId,
            Kind = ChangeKind.CommentAdded,
            Fields = new CaseFields(),
            Comment = new CaseComment("Melding doorgezet naar de loodgieter.", IsPublic: true, Author: null),
        }, TopDeskTestbed.Timeout);
        facility.AddAction(order.ExternalId, "Sleutel ligt bij de receptie.");
        var ticket = serviceDesk.LogIncident(new SimulatedIncidentDraft { BriefDescription = "Toilet verstopt", Category = "Facilitair", Subcategory = "Sanitair" });
        serviceDesk.AddAction(ticket.Id, "Melding doorgezet naar de loodgieter.");

        var fromFacility = (await atFacility.ReadChangesAsync(null, TopDeskTestbed.Timeout)).Changes.Where(c => c.Kind == ChangeKind.CommentAdded).ToList();
        var fromServiceDesk = (await Adapter("servicedesk").ReadChangesAsync(null, TopDeskTestbed.Timeout)).Changes.Where(c => c.Kind == ChangeKind.CommentAdded).ToList();

        Assert.True(Assert.Single(fromFacility, c => c.Comment!.Text.Contains("doorgezet", StringComparison.Ordinal)).WrittenByHub);
        Assert.False(Assert.Single(fromFacility, c => c.Comment!.Text.Contains("Sleutel", StringComparison.Ordinal)).WrittenByHub);
        Assert.False(Assert.Single(fromServiceDesk).WrittenByHub); // the same words by a person in the other TOPdesk are a person's
    }

    [Fact]
    public async Task Each_system_signs_in_as_its_own_operator()
    {
        var serviceDeskChecks = await ((ISystemReadiness)Adapter("servicedesk")).CheckReadinessAsync(TopDeskTestbed.Timeout);
        var facilityChecks = await ((ISystemReadiness)Adapter("facility")).CheckReadinessAsync(TopDeskTestbed.Timeout);

        Assert.Contains(serviceDeskChecks, c => c.Name == "signed in" && c.Passed && c.Detail.Contains("Hub Koppeling (hub-koppeling)", StringComparison.Ordinal));
        Assert.Contains(facilityChecks, c => c.Name == "signed in" && c.Passed && c.Detail.Contains("Koppeling huurder (koppeling-huurder)", StringComparison.Ordinal));
    }

    private ISystemAdapter Adapter(string system)
    {
        var context = new SystemContext(system, configuration.GetSection($"Hub:Systems:{system}"), services, NullLoggerFactory.Instance,
            TimeProvider.System, new StaticMappingProvider(MappingSet.Empty)) { TextZone = TopDeskTestbed.Amsterdam };
        return services.GetRequiredService<AdapterRegistry>().Get("TopDesk", context.KeyOf("Adapter")).Create(context);
    }

    private static CreateRecordCommand Command(string key, string category, string subcategory, string status, string priority) =>
        TopDeskTestbed.CreateCommand(key) with
        {
            TargetValues = new Dictionary<string, string>
            {
                [MappedField.Category] = category,
                [MappedField.Subcategory] = subcategory,
                [MappedField.Status] = status,
                [MappedField.Priority] = priority,
            },
            UpstreamRecords = [],
        };

    public void Dispose()
    {
        services.Dispose();
        serviceDesk.Dispose();
        facility.Dispose();
    }
}
