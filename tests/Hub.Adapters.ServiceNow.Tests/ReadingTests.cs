using Hub.Abstractions.Model;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>What a poll makes of incidents and their journal, and how it bears rows it cannot read.</summary>
public sealed class ReadingTests : IDisposable
{
    private readonly ServiceNowTestbed testbed = new();

    [Fact]
    public async Task An_incident_reads_with_its_own_state_priority_and_category_for_the_value_maps_and_its_callers_name()
    {
        var incident = testbed.Simulator.OpenIncident(new Dictionary<string, string>
        {
            ["short_description"] = "Heating off", ["state"] = "3", ["hold_reason"] = "4", ["impact"] = "1", ["urgency"] = "2",
            ["category"] = "facilities", ["subcategory"] = "heating", ["caller_id"] = testbed.Simulator.UserId("abel.tuter"),
        });

        var change = Assert.Single((await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout)).Changes);

        Assert.Equal(incident.SysId, change.ExternalId);
        Assert.Equal(incident.Number, change.ExternalNumber);
        Assert.Equal(ChangeKind.Created, change.Kind);
        Assert.Equal("3", change.RawValues[MappedField.Status]);
        Assert.Equal("2", change.RawValues[MappedField.Priority]); // computed by the priority lookup from impact 1 × urgency 2
        Assert.Equal("facilities", change.RawValues[MappedField.Category]);
        Assert.Equal("heating", change.RawValues[MappedField.Subcategory]);
        Assert.Equal("Abel Tuter", change.Fields.Reporter?.Name);
        Assert.Equal("Heating off", change.Fields.Title);
        Assert.False(change.WrittenByHub);
    }

    [Fact]
    public async Task An_additional_comment_reads_as_public_and_a_work_note_as_internal_each_with_its_author()
    {
        var incident = testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "Door stuck" });
        testbed.Simulator.AddComment(incident.SysId, "We are on it");
        testbed.Simulator.AddComment(incident.SysId, "Call the locksmith", workNote: true);

        var comments = (await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout)).Changes.Where(c => c.Kind == ChangeKind.CommentAdded).ToList();

        Assert.Contains(comments, c => c.Comment is { Text: "We are on it", IsPublic: true, Author: "beth.anglin" });
        Assert.Contains(comments, c => c.Comment is { Text: "Call the locksmith", IsPublic: false });
        Assert.All(comments, c => Assert.StartsWith("journal:", c.Version, StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_the_integration_user_wrote_reads_as_the_hubs_own_and_what_a_person_wrote_does_not()
    {
        var adapter = testbed.CreateAdapter();
        var created = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey()), ServiceNowTestbed.Timeout);
        await adapter.ApplyAsync(new() { CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.CommentAdded, Comment = new CaseComment("From the hub", true, null) }, ServiceNowTestbed.Timeout);

        var afterHub = (await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout)).Changes;
        testbed.Simulator.AddComment(created.ExternalId, "From a person");
        var afterPerson = (await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout)).Changes;

        Assert.All(afterHub, c => Assert.True(c.WrittenByHub, c.Version));
        Assert.Equal(created.ExternalId, Assert.Single(afterHub, c => c.Comment is null).ExternalId);
        Assert.False(Assert.Single(afterPerson, c => c.Comment?.Text == "From a person").WrittenByHub);
        Assert.False(Assert.Single(afterPerson, c => c.Comment is null).WrittenByHub); // the person's write touched the incident
    }

    [Fact]
    public async Task A_row_with_a_column_of_an_unexpected_shape_is_set_aside_naming_the_incident_and_the_rest_of_the_page_is_read()
    {
        var broken = testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "Broken row" });
        var fine = testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "Fine row" });
        testbed.Simulator.ServeColumnAsRawJson(broken.SysId, "state", """{"display_value": 2, "value": [2]}""");

        var batch = await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        Assert.Contains(batch.Changes, c => c.ExternalId == fine.SysId);
        var setAside = Assert.Single(batch.Unreadable);
        Assert.Equal(broken.SysId, setAside.ExternalId);
        Assert.Contains(broken.Number, setAside.Reason, StringComparison.Ordinal);
        Assert.Contains("'state'", setAside.Reason, StringComparison.Ordinal);
        Assert.False(batch.HasMore);
    }

    [Fact]
    public async Task A_time_that_is_not_the_instances_format_sets_the_row_aside_naming_the_column()
    {
        var incident = testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "Odd time" });
        testbed.Simulator.ServeColumnAsRawJson(incident.SysId, "sys_updated_on", "\"yesterday\"");

        var batch = await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        var setAside = Assert.Single(batch.Unreadable);
        Assert.Contains("sys_updated_on", setAside.Reason, StringComparison.Ordinal);
        Assert.Contains(incident.Number, setAside.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_the_instance_added_itself_travels_as_its_own_value_for_the_value_maps_to_judge()
    {
        testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "Custom state", ["state"] = "-5" });

        var change = Assert.Single((await testbed.CreateAdapter().ReadChangesAsync(null, ServiceNowTestbed.Timeout)).Changes);

        Assert.Equal("-5", change.RawValues[MappedField.Status]);
    }

    [Fact]
    public async Task Emoji_right_to_left_text_and_a_nul_survive_the_round_trip_through_a_comment()
    {
        var adapter = testbed.CreateAdapter();
        var created = await adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey(), "Lekkage 🚿💧 في الطابق"), ServiceNowTestbed.Timeout);
        const string text = "Monteur 👩🏽‍🔧 komt — שלום\0einde";

        await adapter.ApplyAsync(new() { CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.CommentAdded, Comment = new CaseComment(text, true, null) }, ServiceNowTestbed.Timeout);

        var entry = Assert.Single(testbed.Simulator.JournalOf(created.ExternalId));
        Assert.Equal("Monteur 👩🏽‍🔧 komt — שלום\uFFFDeinde", entry.Value);
        Assert.Equal("Lekkage 🚿💧 في الطابق", testbed.Simulator.Incident(created.ExternalId).ShortDescription);
        var read = (await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout)).Changes;
        Assert.Contains(read, c => c.Comment?.Text == entry.Value);
    }

    [Fact]
    public async Task The_comments_of_a_large_page_are_read_in_queries_short_enough_for_the_instances_front_end()
    {
        var opened = Enumerable.Range(1, 300).Select(i => testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = $"Complaint {i}" })).ToList();
        testbed.Simulator.AddComment(opened[^1].SysId, "The last one speaks");

        var batch = await testbed.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "500" }).ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        Assert.Equal(300, batch.Changes.Count(c => c.Comment is null));
        Assert.Contains(batch.Changes, c => c.Comment?.Text == "The last one speaks");
    }

    [Fact]
    public async Task One_incident_reads_back_by_its_number_as_well_as_by_its_sys_id()
    {
        var incident = testbed.Simulator.OpenIncident(new Dictionary<string, string> { ["short_description"] = "By number" });
        var adapter = testbed.CreateAdapter();

        var byNumber = await adapter.ReadRecordAsync(incident.Number, ServiceNowTestbed.Timeout);
        var bySysId = await adapter.ReadRecordAsync(incident.SysId, ServiceNowTestbed.Timeout);

        Assert.Equal(incident.SysId, byNumber?.ExternalId);
        Assert.Equal(byNumber?.Version, bySysId?.Version);
        Assert.Null(await adapter.ReadRecordAsync("INC9999999", ServiceNowTestbed.Timeout));
    }

    public void Dispose() => testbed.Dispose();
}
