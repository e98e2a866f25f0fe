using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Simulators.TopDesk;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class UpdateTests : IDisposable
{
    private readonly TopDeskTestbed testbed = new();
    private readonly SimulatedIncident incident;

    public UpdateTests()
    {
        incident = Simulator.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = "Verwarming doet het niet",
            Category = "Facilitair",
            Subcategory = "Verwarming",
            CallerName = "Kees Smit",
        });
    }

    private TopDeskSimulator Simulator => testbed.Simulator;

    private ApplyChangeCommand Change(ChangeKind kind) => new() { CaseId = "HUB-2026-000007", ExternalId = incident.Id, Kind = kind };

    private static Dictionary<string, string> Status(string name) => new() { [MappedField.Status] = name };

    private int Reads(string path) => Simulator.Requests.Count(r => r.Method == "GET" && r.Path == path);

    [Fact]
    public async Task A_status_change_is_written_as_the_processing_status_id_resolved_from_its_name()
    {
        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.StatusChanged) with { TargetValues = Status("In behandeling") }, TopDeskTestbed.Timeout);

        var current = Simulator.Incident(incident.Id);
        Assert.Equal("In behandeling", current.ProcessingStatus?.Name);
        var patch = Simulator.Requests.Single(r => r.Method == "PATCH");
        Assert.Equal($$$"""{"processingStatus":{"id":"{{{current.ProcessingStatus!.Id}}}"}}""", patch.Body);
    }

    [Fact]
    public async Task A_status_added_in_TOPdesk_after_the_list_was_cached_is_found_by_loading_the_list_again()
    {
        var adapter = testbed.CreateAdapter();
        await adapter.ApplyAsync(Change(ChangeKind.StatusChanged) with { TargetValues = Status("Ingepland") }, TopDeskTestbed.Timeout);
        Simulator.AddProcessingStatus("Wacht op onderdelen");

        await adapter.ApplyAsync(Change(ChangeKind.StatusChanged) with { TargetValues = Status("Wacht op onderdelen") }, TopDeskTestbed.Timeout);
        await adapter.ApplyAsync(Change(ChangeKind.StatusChanged) with { TargetValues = Status("Ingepland") }, TopDeskTestbed.Timeout);

        Assert.Equal("Ingepland", Simulator.Incident(incident.Id).ProcessingStatus?.Name);
        Assert.Equal(2, Reads("/tas/api/incidents/statuses"));
    }

    [Fact]
    public async Task An_unknown_status_is_a_permanent_failure_naming_it_and_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<AdapterException>(() =>
            testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.StatusChanged) with { TargetValues = Status("Op de lange baan") }, TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("processing status named 'Op de lange baan'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Geregistreerd, In behandeling, Ingepland, Wachten op leverancier, Gereed, Afgesloten", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Hostile_text_is_escaped_and_its_line_breaks_become_br()
    {
        var hostile = "<script>alert('x')</script>\r\nTweede regel & \"meer\" <b>vet</b>\n<img src=x onerror=alert(1)>";
        var adapter = testbed.CreateAdapter();

        await adapter.ApplyAsync(Change(ChangeKind.CommentAdded) with { Comment = new CaseComment(hostile, true, "contractor") }, TopDeskTestbed.Timeout);

        var action = Assert.Single(Simulator.ActionsOf(incident.Id));
        Assert.Equal(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>Tweede regel &amp; &quot;meer&quot; &lt;b&gt;vet&lt;/b&gt;<br>&lt;img src=x onerror=alert(1)&gt;",
            action.MemoText);
        var readBack = (await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout)).Changes.Single(c => c.Kind == ChangeKind.CommentAdded);
        Assert.Equal(hostile.ReplaceLineEndings("\n"), readBack.Comment?.Text);
    }

    [Fact]
    public async Task When_the_answer_to_a_progress_entry_is_lost_the_retry_does_not_write_it_again()
    {
        var adapter = testbed.CreateAdapter();
        var command = Change(ChangeKind.CommentAdded) with { Comment = new CaseComment("Monteur is onderweg", true, null) };
        Simulator.LoseAnswersToNextWrites(1);

        var lost = await Assert.ThrowsAsync<AdapterException>(() => adapter.ApplyAsync(command, TopDeskTestbed.Timeout));
        await testbed.CreateAdapter().ApplyAsync(command, TopDeskTestbed.Timeout);

        Assert.Equal(FailureKind.Transient, lost.Kind);
        Assert.Single(Simulator.ActionsOf(incident.Id));
        Assert.Single(Simulator.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task The_same_text_from_a_person_does_not_stop_the_hub_from_writing_it()
    {
        Simulator.AddAction(incident.Id, "Monteur is onderweg");

        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.CommentAdded) with { Comment = new CaseComment("Monteur is onderweg", true, null) }, TopDeskTestbed.Timeout);

        Assert.Equal(2, Simulator.ActionsOf(incident.Id).Count);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task A_comment_is_hidden_from_the_caller_exactly_when_it_is_internal(bool isPublic, bool invisible)
    {
        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.CommentAdded) with { Comment = new CaseComment("Onderdeel besteld", isPublic, null) }, TopDeskTestbed.Timeout);

        Assert.Equal(invisible, Assert.Single(Simulator.ActionsOf(incident.Id)).InvisibleForCaller);
    }

    [Fact]
    public async Task Resolving_marks_the_incident_completed_with_the_resolution_as_a_visible_entry()
    {
        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.Resolved) with
        {
            TargetValues = Status("Gereed"),
            Fields = new CaseFields { Status = CaseStatus.Resolved, Resolution = "Thermostaat vervangen" },
        }, TopDeskTestbed.Timeout);

        var current = Simulator.Incident(incident.Id);
        Assert.Equal(("Gereed", true, false), (current.ProcessingStatus?.Name, current.Completed, current.Closed));
        var entry = Assert.Single(current.Actions);
        Assert.Equal(("Thermostaat vervangen", false), (entry.PlainText, entry.InvisibleForCaller));
    }

    [Fact]
    public async Task Closing_sets_completed_and_closed_and_reopening_clears_both()
    {
        var adapter = testbed.CreateAdapter();

        await adapter.ApplyAsync(Change(ChangeKind.StatusChanged) with { TargetValues = Status("Afgesloten"), Fields = new CaseFields { Status = CaseStatus.Closed } }, TopDeskTestbed.Timeout);
        var closed = (Simulator.Incident(incident.Id).Completed, Simulator.Incident(incident.Id).Closed);
        await adapter.ApplyAsync(Change(ChangeKind.Reopened) with { TargetValues = Status("In behandeling") }, TopDeskTestbed.Timeout);

        Assert.Equal((true, true), closed);
        var reopened = Simulator.Incident(incident.Id);
        Assert.Equal(("In behandeling", false, false), (reopened.ProcessingStatus?.Name, reopened.Completed, reopened.Closed));
    }

    [Fact]
    public async Task A_new_title_and_target_date_are_written()
    {
        var target = new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(1));

        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.FieldsChanged) with
        {
            Fields = new CaseFields { Title = "Verwarming kantoor 3.12 koud", TargetDate = target },
        }, TopDeskTestbed.Timeout);

        var current = Simulator.Incident(incident.Id);
        Assert.Equal(("Verwarming kantoor 3.12 koud", target), (current.BriefDescription, current.TargetDate));
        Assert.Contains("\"targetDate\":\"2026-11-24T10:00:00.000+0000\"", Simulator.Requests.Single(r => r.Method == "PATCH").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appointment_is_recorded_as_a_progress_entry_the_caller_sees()
    {
        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.AppointmentSet) with
        {
            Fields = new CaseFields { Appointment = new AppointmentWindow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(1))) },
            Comment = new CaseComment("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", true, null),
        }, TopDeskTestbed.Timeout);

        var entry = Assert.Single(Simulator.ActionsOf(incident.Id));
        Assert.Equal(("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", false), (entry.PlainText, entry.InvisibleForCaller));
    }

    [Fact]
    public async Task An_appointment_without_the_hubs_sentence_is_told_as_the_hub_tells_it_in_the_hubs_time_zone()
    {
        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.AppointmentSet) with
        {
            Fields = new CaseFields { Appointment = new AppointmentWindow(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero)) },
        }, TopDeskTestbed.Timeout);

        var entry = Assert.Single(Simulator.ActionsOf(incident.Id));
        Assert.Equal(("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", false), (entry.PlainText, entry.InvisibleForCaller));
    }

    [Fact]
    public async Task A_change_with_nothing_for_TOPdesk_is_accepted_without_a_call()
    {
        await testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.FieldsChanged) with { Fields = new CaseFields { Description = "langere tekst" } }, TopDeskTestbed.Timeout);

        Assert.Empty(Simulator.Requests);
    }

    [Fact]
    public async Task Changing_an_archived_incident_is_a_permanent_failure_not_an_endless_retry()
    {
        Simulator.Archive(incident.Id);

        var error = await Assert.ThrowsAsync<AdapterException>(() =>
            testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.CommentAdded) with { Comment = new CaseComment("Nog een vraag", true, null) }, TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("(403): The incident is archived.", error.Message, StringComparison.Ordinal);
        Assert.Single(Simulator.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Changing_an_incident_that_is_gone_is_a_permanent_failure()
    {
        var error = await Assert.ThrowsAsync<AdapterException>(() =>
            testbed.CreateAdapter().ApplyAsync(Change(ChangeKind.CommentAdded) with
            {
                ExternalId = Guid.NewGuid().ToString(),
                Comment = new CaseComment("Hallo?", true, null),
            }, TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("(404)", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => testbed.Dispose();
}
