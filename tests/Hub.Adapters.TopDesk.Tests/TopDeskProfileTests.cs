using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Mapping;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class TopDeskProfileTests
{
    private static readonly AutoMapper.MapperConfiguration Configuration =
        AdapterMapper.CreateConfiguration(licenseKey: null, NullLoggerFactory.Instance, new TopDeskProfile(new TopDeskOptions()));

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

    [Fact]
    public void An_incident_read_becomes_its_snapshot_with_fields_raw_values_and_a_version_of_both()
    {
        var mapper = Configuration.CreateMapper();
        var modified = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        TopDeskIncident Incident(string title) => new()
        {
            Id = "i-1", Number = "I 2026 042", BriefDescription = title, Request = "Loopt niet door", ExternalNumber = "HUB-2026-000042",
            ProcessingStatus = new TopDeskRef("s1", "In behandeling"), Priority = new TopDeskRef("p1", "Hoog"),
            Branch = new TopDeskRef("b1", "Hoofdkantoor"), Caller = new TopDeskCaller { DynamicName = "Jan Jansen", MobileNumber = "06 1234" },
            CreationDate = modified.AddDays(-1), ModificationDate = modified, Modifier = new TopDeskRef("op-9", "Sanne de Vries"),
        };

        var snapshot = mapper.Map<ObservedChange>(new IncidentRead(Incident("Toilet verstopt"), "op-hub", modified.AddMinutes(5)));
        var sameSecond = mapper.Map<ObservedChange>(new IncidentRead(Incident("Toilet lekt"), "op-hub", modified.AddMinutes(5)));

        Assert.Equal(("i-1", "I 2026 042", "HUB-2026-000042"), (snapshot.ExternalId, snapshot.ExternalNumber, snapshot.CorrelationKey));
        Assert.Equal(ChangeKind.FieldsChanged, snapshot.Kind);
        Assert.Equal(modified, snapshot.OccurredAt);
        Assert.Equal(new CaseFields
        {
            Title = "Toilet verstopt", Description = "Loopt niet door", Location = new CaseLocation("Hoofdkantoor", null, null, null),
            Reporter = new CaseReporter("Jan Jansen", null, "06 1234"),
        }, snapshot.Fields);
        Assert.Equal(new Dictionary<string, string> { [MappedField.Status] = "In behandeling", [MappedField.Priority] = "Hoog" }, snapshot.RawValues);
        Assert.Equal(Reading.SnapshotVersion.Of(modified, snapshot.Fields, snapshot.RawValues, false, false), snapshot.Version);
        Assert.NotEqual(snapshot.Version, sameSecond.Version); // two changes in one second differ by what was read
        Assert.False(snapshot.WrittenByHub);
        Assert.Equal("Sanne de Vries", snapshot.Actor);
    }

    [Fact]
    public void In_an_incident_the_hub_created_what_the_hub_composed_is_left_out_of_the_snapshot()
    {
        var mapper = Configuration.CreateMapper();
        var cut = new string('x', 79) + "…";
        var incident = new TopDeskIncident
        {
            Id = "i-2", BriefDescription = cut, Request = "Hub-zaak: HUB-2026-000042", Caller = new TopDeskCaller { DynamicName = "Hub" },
            Creator = new TopDeskRef("op-hub", "Hub"), Modifier = new TopDeskRef("op-hub", "Hub"), Location = new TopDeskRef("l1", "Gebouw A"),
        };

        var snapshot = mapper.Map<ObservedChange>(new IncidentRead(incident, "op-hub", DateTimeOffset.UnixEpoch));

        Assert.Equal(new CaseFields { Location = new CaseLocation(null, "Gebouw A", null, null) }, snapshot.Fields);
        Assert.True(snapshot.WrittenByHub);
        Assert.Equal(DateTimeOffset.UnixEpoch, snapshot.OccurredAt); // undated: the time it was read
    }

    [Fact]
    public void A_progress_entry_read_becomes_a_comment_change_of_its_incident()
    {
        var mapper = Configuration.CreateMapper();
        var incident = new TopDeskIncident { Id = "i-3", Number = "I 2026 043", ExternalNumber = "HUB-2026-000043" };
        var entered = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

        var change = mapper.Map<ObservedChange>(new ProgressEntryRead(incident,
            new TopDeskAction { Id = "a-7", PlainText = "Monteur is onderweg", EntryDate = entered, Operator = new TopDeskRef("op-hub", "Hub") }, "op-hub", entered.AddHours(1)));

        Assert.Equal(("i-3", "I 2026 043", "action:a-7", ChangeKind.CommentAdded), (change.ExternalId, change.ExternalNumber, change.Version, change.Kind));
        Assert.Equal(entered, change.OccurredAt);
        Assert.Equal(new CaseComment("Monteur is onderweg", true, "Hub"), change.Comment);
        Assert.Equal(CaseFields.Empty, change.Fields);
        Assert.Empty(change.RawValues);
        Assert.Equal("HUB-2026-000043", change.CorrelationKey);
        Assert.True(change.WrittenByHub);
    }

    [Fact]
    public void A_new_incident_is_on_the_configured_line_and_without_a_reporter_names_the_fallback_caller()
    {
        var mapper = AdapterMapper.CreateConfiguration(null, NullLoggerFactory.Instance,
            new TopDeskProfile(new TopDeskOptions { Line = "secondLine", CallerFallback = "Facilitair meldpunt" })).CreateMapper();
        var command = TopDeskTestbed.CreateCommand("HUB-2026-000044");

        var anonymous = mapper.Map<NewIncident>(command with { Fields = command.Fields with { Reporter = null } });
        var byAddress = mapper.Map<NewIncident>(command with { Fields = command.Fields with { Reporter = new CaseReporter(" ", "jan@example.org", null) } });

        Assert.Equal("secondLine", anonymous.Status);
        Assert.Equal("Facilitair meldpunt", anonymous.Caller?.DynamicName);
        Assert.Equal("jan@example.org", byAddress.Caller?.DynamicName);
        Assert.Equal("jan@example.org", byAddress.Caller?.Email);
    }
}
