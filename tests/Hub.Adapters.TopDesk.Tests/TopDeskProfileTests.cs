using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Mapping;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class TopDeskProfileTests
{
    private static readonly AutoMapper.MapperConfiguration Configuration =
        AdapterMapper.CreateConfiguration<TopDeskProfile>(licenseKey: null, NullLoggerFactory.Instance);

    [Fact]
    public void The_TOPdesk_profile_maps_every_member()
    {
        Configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void An_action_becomes_a_comment_visible_to_the_caller_unless_TOPdesk_hides_it()
    {
        var mapper = Configuration.CreateMapper();
        var hidden = mapper.Map<CaseComment>(new TopDeskAction
        {
            Id = "a1",
            MemoText = "Monteur belt <b>morgen</b><br>na 10 uur &amp; neemt onderdelen mee",
            InvisibleForCaller = true,
            Operator = new TopDeskRef("o1", "Sanne de Vries"),
        });

        Assert.Equal(new CaseComment("Monteur belt morgen\nna 10 uur & neemt onderdelen mee", false, "Sanne de Vries"), hidden);
    }

    [Fact]
    public void A_create_command_becomes_an_incident_with_the_key_as_external_number()
    {
        var mapper = Configuration.CreateMapper();
        var incident = mapper.Map<NewIncident>(TopDeskTestbed.CreateCommand("HUB-2026-000042"));

        Assert.Equal("HUB-2026-000042", incident.ExternalNumber);
        Assert.Equal("Toilet verstopt op de 2e verdieping", incident.BriefDescription);
        Assert.Equal("Jan Jansen", incident.Caller?.DynamicName);
        Assert.Contains("Locatie: Hoofdkantoor, Gebouw A, 2, 2.14", incident.Request, StringComparison.Ordinal);
        Assert.Contains("CAS-01234-X1Y2", incident.Request, StringComparison.Ordinal);
    }
}
