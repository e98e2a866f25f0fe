using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>What the hub writes into an incident, and that a write whose answer was lost is not made twice.</summary>
public sealed class WritingTests : IDisposable
{
    private readonly ServiceNowTestbed testbed = new();

    [Fact]
    public async Task A_created_incident_carries_the_correlation_the_caller_found_by_email_the_group_by_name_and_the_mapped_choices()
    {
        var key = ServiceNowTestbed.NewKey();

        var created = await testbed.CreateAdapter().CreateAsync(ServiceNowTestbed.CreateCommand(key), ServiceNowTestbed.Timeout);

        var incident = testbed.Simulator.Incident(created.ExternalId);
        Assert.Equal(key, incident.CorrelationId);
        Assert.Equal("Hub", incident.CorrelationDisplay);
        Assert.Equal(testbed.Simulator.UserId("abel.tuter"), incident.CallerId);
        Assert.Equal(testbed.Simulator.GroupId("Facilities"), incident.AssignmentGroup);
        Assert.Equal("facilities", incident.Category);
        Assert.Equal("3", incident.Priority); // written as impact 2 × urgency 2, which the priority lookup turns into 3
        Assert.StartsWith("INC", created.ExternalNumber, StringComparison.Ordinal);
        Assert.Contains("CAS-01234-X1Y2", incident.Description, StringComparison.Ordinal);
        Assert.Equal("svc.hub", incident.UpdatedBy);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_its_correlation_id_when_the_outbox_tries_again()
    {
        var key = ServiceNowTestbed.NewKey();
        var adapter = testbed.CreateAdapter();
        testbed.Simulator.LoseAnswersToNextWrites(1);

        var lost = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(ServiceNowTestbed.CreateCommand(key), ServiceNowTestbed.Timeout));
        var again = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(key), ServiceNowTestbed.Timeout);

        Assert.Equal(FailureKind.Transient, lost.Kind);
        Assert.Equal(again.ExternalId, Assert.Single(testbed.Simulator.Incidents).SysId);
    }

    [Fact]
    public async Task Resolving_writes_the_close_code_and_the_resolution_as_close_notes_which_the_data_policy_demands()
    {
        var adapter = testbed.CreateAdapter();
        var created = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey()), ServiceNowTestbed.Timeout);

        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.Resolved,
            Fields = new CaseFields { Status = CaseStatus.Resolved, Resolution = "Drain cleared by the plumber." },
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "6" },
        }, ServiceNowTestbed.Timeout);

        var incident = testbed.Simulator.Incident(created.ExternalId);
        Assert.Equal(("6", "Solved (Permanently)", "Drain cleared by the plumber."), (incident.State, incident.CloseCode, incident.CloseNotes));
    }

    [Fact]
    public void The_simulated_instance_refuses_a_resolve_without_close_fields_as_its_data_policy_does()
    {
        var incident = testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "x" });

        var refused = Assert.ThrowsAny<Exception>(() => testbed.Simulator.ChangeState(incident.SysId, "6"));

        Assert.Contains("Resolution code, Close notes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Putting_an_incident_on_hold_writes_the_configured_hold_reason()
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["HoldReason"] = "1" });
        var created = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey()), ServiceNowTestbed.Timeout);

        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.StatusChanged,
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "3" },
        }, ServiceNowTestbed.Timeout);

        Assert.Equal(("3", "1"), (testbed.Simulator.Incident(created.ExternalId).State, testbed.Simulator.Incident(created.ExternalId).HoldReason));
    }

    [Theory]
    [InlineData(true, "comments")]
    [InlineData(false, "work_notes")]
    public async Task A_public_comment_becomes_an_additional_comment_and_an_internal_one_a_work_note(bool isPublic, string column)
    {
        var adapter = testbed.CreateAdapter();
        var created = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey()), ServiceNowTestbed.Timeout);

        await adapter.ApplyAsync(new() { CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.CommentAdded, Comment = new CaseComment("Plumber comes at 10", isPublic, null) }, ServiceNowTestbed.Timeout);

        var entry = Assert.Single(testbed.Simulator.JournalOf(created.ExternalId));
        Assert.Equal((column, "Plumber comes at 10", "svc.hub"), (entry.Element, entry.Value, entry.CreatedBy));
    }

    [Fact]
    public async Task A_comment_whose_answer_was_lost_is_not_written_twice_when_the_outbox_tries_again()
    {
        var adapter = testbed.CreateAdapter();
        var created = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey()), ServiceNowTestbed.Timeout);
        var command = new ApplyChangeCommand
        {
            CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.CommentAdded, Comment = new CaseComment("Only once", true, null),
            QueuedAt = testbed.Time.GetUtcNow(), CommandKey = "HUB-1/7",
        };
        testbed.Simulator.LoseAnswersToNextWrites(1);

        await Assert.ThrowsAsync<AdapterException>(() => adapter.ApplyAsync(command, ServiceNowTestbed.Timeout));
        await adapter.ApplyAsync(command, ServiceNowTestbed.Timeout);

        Assert.Single(testbed.Simulator.JournalOf(created.ExternalId));
    }

    [Fact]
    public async Task Oversized_texts_are_cut_on_whole_characters_to_the_columns_lengths()
    {
        var adapter = testbed.CreateAdapter();
        var created = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey(), string.Concat(Enumerable.Repeat("🚿", 200))), ServiceNowTestbed.Timeout);

        await adapter.ApplyAsync(new() { CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.CommentAdded, Comment = new CaseComment(new string('x', 10_000), true, null) }, ServiceNowTestbed.Timeout);

        var incident = testbed.Simulator.Incident(created.ExternalId);
        Assert.InRange(incident.ShortDescription.Length, 150, 160);
        Assert.EndsWith("🚿…", incident.ShortDescription, StringComparison.Ordinal);
        Assert.Equal(4000, Assert.Single(testbed.Simulator.JournalOf(created.ExternalId)).Value.Length);
    }

    [Fact]
    public async Task An_assignment_group_the_instance_does_not_have_fails_for_good_naming_the_setting()
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["AssignmentGroup"] = "Facility Mgmt" });

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey()), ServiceNowTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("Hub:Systems:servicedesk:AssignmentGroup", failure.Message, StringComparison.Ordinal);
        Assert.Empty(testbed.Simulator.Incidents);
    }

    [Fact]
    public async Task A_correlation_key_an_encoded_query_cannot_carry_is_refused_before_anything_is_asked()
    {
        var failure = await Assert.ThrowsAsync<AdapterException>(() =>
            testbed.CreateAdapter().CreateAsync(ServiceNowTestbed.CreateCommand("HUB^ORDERBYnumber"), ServiceNowTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Empty(testbed.Simulator.Incidents);
    }

    public void Dispose() => testbed.Dispose();
}
