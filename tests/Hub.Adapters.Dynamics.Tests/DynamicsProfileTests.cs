using System.Text.Json.Nodes;
using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Mapping;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>The profile projects rows to the hub's snapshots and commands to the exact bodies Dataverse is sent.</summary>
public sealed class DynamicsProfileTests
{
    private static readonly AutoMapper.IMapper Mapper = AdapterMapper.CreateConfiguration(null, NullLoggerFactory.Instance,
        new DynamicsProfile(new DynamicsOptions { CorrelationKeyColumn = "hub_caseid" })).CreateMapper();

    private static readonly Guid AppUser = Guid.Parse("11111111-1111-1111-1111-111111111111");

    [Fact]
    public void A_case_row_read_becomes_its_snapshot_with_its_own_status_and_priority_codes()
    {
        var modified = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var row = new IncidentRow
        {
            IncidentId = Guid.Parse("22222222-2222-2222-2222-222222222222"), TicketNumber = "CAS-01219-H6B9P4", Title = "Toilet blocked",
            Description = "Water on the floor", StatusCode = 3, PriorityCode = 1, ResolveBy = modified.AddDays(2), CreatedOn = modified.AddHours(-1),
            ModifiedOn = modified, ModifiedBy = AppUser, VersionNumber = 4711,
            Other = { ["hub_caseid"] = System.Text.Json.JsonDocument.Parse("\"HUB-2026-000042\"").RootElement },
        };

        var change = Mapper.Map<ObservedChange>(new CaseRead(row, AppUser, modified.AddMinutes(1)));

        Assert.Equal(("22222222-2222-2222-2222-222222222222", "CAS-01219-H6B9P4", "4711"), (change.ExternalId, change.ExternalNumber, change.Version));
        Assert.Equal((ChangeKind.FieldsChanged, modified), (change.Kind, change.OccurredAt));
        Assert.Equal(new CaseFields { Title = "Toilet blocked", Description = "Water on the floor", TargetDate = modified.AddDays(2) }, change.Fields);
        Assert.Equal(new Dictionary<string, string> { [MappedField.Status] = "3", [MappedField.Priority] = "1" }, change.RawValues);
        Assert.Equal("HUB-2026-000042", change.CorrelationKey);
        Assert.True(change.WrittenByHub);
        Assert.Equal(AppUser.ToString(), change.Actor);
    }

    [Fact]
    public void A_note_read_becomes_an_internal_comment_on_its_case_and_a_deleted_case_a_cancellation()
    {
        var caseId = Guid.NewGuid();
        var note = new NoteRow { AnnotationId = Guid.NewGuid(), CaseId = caseId, Subject = "Call back", NoteText = " ", CreatedByName = "Anna Smit", CreatedBy = Guid.NewGuid() };
        var readAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        var comment = Mapper.Map<ObservedChange>(new NoteRead(note, AppUser, readAt));
        var deleted = Mapper.Map<ObservedChange>(new DeletedCaseRead(caseId.ToString(), readAt));

        Assert.Equal((caseId.ToString(), note.AnnotationId.ToString(), ChangeKind.CommentAdded, readAt), (comment.ExternalId, comment.Version, comment.Kind, comment.OccurredAt));
        Assert.Equal(new CaseComment("Call back", IsPublic: false, "Anna Smit"), comment.Comment); // no text: the subject
        Assert.False(comment.WrittenByHub);
        Assert.Equal(CaseFields.Empty, comment.Fields);
        Assert.Equal((caseId.ToString(), "deleted", ChangeKind.Cancelled, readAt), (deleted.ExternalId, deleted.Version, deleted.Kind, deleted.OccurredAt));
    }

    [Fact]
    public void A_create_command_becomes_the_whole_body_of_the_new_case()
    {
        var command = new CreateRecordCommand
        {
            CaseId = "HUB-2026-000042", CorrelationKey = "HUB-2026-000042",
            Fields = new CaseFields { Title = "Toilet blocked", Description = "Water on the floor", TargetDate = new DateTimeOffset(2026, 11, 30, 18, 0, 0, 500, TimeSpan.FromHours(1)) },
            TargetValues = new Dictionary<string, string> { [MappedField.Priority] = "1", [MappedField.Status] = "2" },
        };

        var body = DataverseBody.Of(Mapper.Map<NewCase>(new CaseToCreate(command, ("customerid_account@odata.bind", "/accounts(5350cb01-a1b6-ea11-a812-000d3a3e1af1)"), 3)));
        var resolved = DataverseBody.Of(Mapper.Map<NewCase>(new CaseToCreate(
            command with { TargetValues = new Dictionary<string, string> { [MappedField.Status] = "5" }, Fields = command.Fields with { TargetDate = null } },
            ("customerid_contact@odata.bind", "/contacts(5350cb01-a1b6-ea11-a812-000d3a3e1af1)"), 1)));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "title": "Toilet blocked", "description": "Water on the floor", "caseorigincode": 3, "prioritycode": 1,
              "resolveby": "2026-11-30T17:00:00Z", "statuscode": 2,
              "customerid_account@odata.bind": "/accounts(5350cb01-a1b6-ea11-a812-000d3a3e1af1)"
            }
            """), body), body.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "title": "Toilet blocked", "description": "Water on the floor", "caseorigincode": 1,
              "customerid_contact@odata.bind": "/contacts(5350cb01-a1b6-ea11-a812-000d3a3e1af1)"
            }
            """), resolved), resolved.ToJsonString()); // a case is created active: a resolved reason is not sent
    }

    [Fact]
    public void A_change_of_fields_writes_only_the_columns_it_sets()
    {
        var change = new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000042", ExternalId = Guid.NewGuid().ToString(), Kind = ChangeKind.FieldsChanged,
            Fields = new CaseFields { Title = "Toilet blocked again" }, TargetValues = new Dictionary<string, string> { [MappedField.Priority] = "2" },
        };

        var columns = DataverseBody.Of(Mapper.Map<CaseColumns>(change));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "title": "Toilet blocked again", "prioritycode": 2 }"""), columns), columns.ToJsonString());
    }
}
