using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class UpdateTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    private static ApplyChangeCommand Change(RecordReference record, ChangeKind kind) => new()
    {
        CaseId = "HUB-2026-000042",
        ExternalId = record.ExternalId,
        Kind = kind,
    };

    [Fact]
    public async Task Changed_columns_are_written_with_the_rows_ETag()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        var before = rig.Simulator.FindCase(Guid.Parse(record.ExternalId))!;

        await adapter.ApplyAsync(Change(record, ChangeKind.FieldsChanged) with
        {
            Fields = new CaseFields { Title = "Toilet blocked, water leaking to the 2nd floor" },
            TargetValues = new Dictionary<string, string> { [MappedField.Priority] = "2" },
        }, DynamicsRig.Timeout);

        var after = rig.Simulator.FindCase(before.Id)!;
        Assert.Equal("Toilet blocked, water leaking to the 2nd floor", after.Title);
        Assert.Equal(2, after.PriorityCode);
        Assert.Equal(before.Description, after.Description);
        var patch = rig.Simulator.DataverseRequests.Last(r => r.Method == "PATCH");
        Assert.Equal(before.ETag, patch.Header("If-Match"));
        Assert.Equal(204, patch.StatusCode);
    }

    [Fact]
    public async Task When_a_person_saves_at_the_same_moment_the_hub_rereads_merges_and_keeps_both_edits()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        var id = Guid.Parse(record.ExternalId);
        rig.Simulator.PersonEditsJustBeforeNextHubWrite(id, description: "Caretaker: the main valve is closed.");

        await adapter.ApplyAsync(Change(record, ChangeKind.FieldsChanged) with
        {
            Fields = new CaseFields { Title = "Toilet blocked (plumber ordered)" },
        }, DynamicsRig.Timeout);

        var row = rig.Simulator.FindCase(id)!;
        Assert.Equal("Toilet blocked (plumber ordered)", row.Title);
        Assert.Equal("Caretaker: the main valve is closed.", row.Description);
        var patches = rig.Simulator.DataverseRequests.Where(r => r.Method == "PATCH" && r.PathAndQuery.StartsWith($"incidents({id})", StringComparison.Ordinal)).ToList();
        Assert.Equal([412, 204], patches.Select(p => p.StatusCode));
        Assert.NotEqual(patches[0].Header("If-Match"), patches[1].Header("If-Match"));
        Assert.DoesNotContain("description", patches[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_goes_through_CloseIncident_and_never_patches_statecode_1()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);

        await adapter.ApplyAsync(Change(record, ChangeKind.Resolved) with
        {
            Fields = new CaseFields { Resolution = "Plumber cleared the drain." },
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "5" },
        }, DynamicsRig.Timeout);

        var row = rig.Simulator.FindCase(Guid.Parse(record.ExternalId))!;
        Assert.Equal((1, 5), (row.StateCode, row.StatusCode));
        var resolution = Assert.Single(rig.Simulator.Resolutions);
        Assert.Equal(row.Id, resolution.CaseId);
        Assert.Equal("Plumber cleared the drain.", resolution.Description);
        var close = Assert.Single(rig.Simulator.DataverseRequests, r => r.PathAndQuery == "CloseIncident");
        Assert.Equal(204, close.StatusCode);
        Assert.Contains("\"Status\":5", close.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Simulator.DataverseRequests, r => r.Method == "PATCH" && r.Body!.Contains("\"statecode\":1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_answer_to_CloseIncident_is_lost_the_retry_finds_the_case_resolved_and_succeeds()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        rig.Simulator.LoseAnswerToNext("POST", "CloseIncident");

        await adapter.ApplyAsync(Change(record, ChangeKind.Resolved), DynamicsRig.Timeout);

        var row = rig.Simulator.FindCase(Guid.Parse(record.ExternalId))!;
        Assert.Equal((1, 5), (row.StateCode, row.StatusCode));
        Assert.Single(rig.Simulator.Resolutions);
        Assert.Equal([504, 400], rig.Simulator.DataverseRequests.Where(r => r.PathAndQuery == "CloseIncident").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task When_the_answer_to_a_note_is_lost_the_retry_does_not_add_it_twice()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        rig.Simulator.LoseAnswerToNext("PATCH", "annotations(");

        await adapter.ApplyAsync(Change(record, ChangeKind.CommentAdded) with { Comment = new CaseComment("Parts ordered", true, "hub") }, DynamicsRig.Timeout);

        Assert.Single(rig.Simulator.NotesOn(Guid.Parse(record.ExternalId)));
        var writes = rig.Simulator.DataverseRequests.Where(r => r.PathAndQuery.StartsWith("annotations(", StringComparison.Ordinal)).ToList();
        Assert.Equal([504, 412], writes.Select(r => r.StatusCode));
        Assert.All(writes, w => Assert.Equal("*", w.Header("If-None-Match")));
    }

    [Fact]
    public async Task A_cancelled_case_is_reactivated_before_it_is_resolved()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        var id = Guid.Parse(record.ExternalId);
        rig.Simulator.PersonChangesStatus(id, 2, 6);

        await adapter.ApplyAsync(Change(record, ChangeKind.StatusChanged) with
        {
            Fields = new CaseFields { Status = CaseStatus.Resolved },
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "1000" },
        }, DynamicsRig.Timeout);

        var row = rig.Simulator.FindCase(id)!;
        Assert.Equal((1, 1000), (row.StateCode, row.StatusCode));
    }

    [Fact]
    public async Task Cancelling_and_reopening_set_statecode_and_statuscode()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        var id = Guid.Parse(record.ExternalId);

        await adapter.ApplyAsync(Change(record, ChangeKind.Cancelled), DynamicsRig.Timeout);
        var cancelled = rig.Simulator.FindCase(id)!;
        await adapter.ApplyAsync(Change(record, ChangeKind.Reopened) with
        {
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "3" },
        }, DynamicsRig.Timeout);
        var reopened = rig.Simulator.FindCase(id)!;

        Assert.Equal((2, 6), (cancelled.StateCode, cancelled.StatusCode));
        Assert.Equal((0, 3), (reopened.StateCode, reopened.StatusCode));
    }

    [Fact]
    public async Task A_comment_becomes_a_note_on_the_case_with_its_markup_escaped_and_reads_back_as_the_hubs_own()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        const string text = "Monteur komt dinsdag <b>24-11</b> tussen 08:00 & 11:00";

        await adapter.ApplyAsync(Change(record, ChangeKind.CommentAdded) with
        {
            Comment = new CaseComment(text, IsPublic: true, Author: "Loodgieter Jansen"),
        }, DynamicsRig.Timeout);
        var (changes, _, _) = await DynamicsRig.ReadAllAsync(adapter, null);

        var note = Assert.Single(rig.Simulator.NotesOn(Guid.Parse(record.ExternalId)));
        Assert.Equal("Monteur komt dinsdag &lt;b&gt;24-11&lt;/b&gt; tussen 08:00 &amp; 11:00", note.NoteText);
        Assert.Equal("Update from Loodgieter Jansen", note.Subject);
        var comment = Assert.Single(changes, c => c.Kind == ChangeKind.CommentAdded);
        Assert.Equal(text, comment.Comment!.Text);
        Assert.True(comment.WrittenByHub);
        Assert.Equal(note.Id.ToString(), comment.Version);
    }

    [Fact]
    public async Task A_persons_note_is_read_back_as_a_comment_by_that_person()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        var note = rig.Simulator.PersonAddsNote(Guid.Parse(record.ExternalId), "<div>Tenant called again,<br>it is getting worse</div>");

        var (changes, _, _) = await DynamicsRig.ReadAllAsync(adapter, null);

        var comment = Assert.Single(changes, c => c.Kind == ChangeKind.CommentAdded);
        Assert.Equal(record.ExternalId, comment.ExternalId);
        Assert.Equal(note.Id.ToString(), comment.Version);
        Assert.Equal("Tenant called again,\nit is getting worse", comment.Comment!.Text);
        Assert.Equal("Mila de Vries", comment.Comment.Author);
        Assert.False(comment.Comment.IsPublic);
        Assert.False(comment.WrittenByHub);
    }

    [Fact]
    public async Task An_appointment_is_recorded_as_a_note_with_its_human_text()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);

        await adapter.ApplyAsync(Change(record, ChangeKind.AppointmentSet) with
        {
            Fields = new CaseFields { Appointment = new AppointmentWindow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(1))) },
            Comment = new CaseComment("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", true, "contractor"),
        }, DynamicsRig.Timeout);

        var note = Assert.Single(rig.Simulator.NotesOn(Guid.Parse(record.ExternalId)));
        Assert.Equal("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", note.NoteText);
        Assert.Equal("Appointment", note.Subject);
    }

    [Fact]
    public async Task An_appointment_without_the_hubs_sentence_is_told_as_the_hub_tells_it_in_the_hubs_time_zone()
    {
        var adapter = rig.CreateAdapter();
        var record = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);

        await adapter.ApplyAsync(Change(record, ChangeKind.AppointmentSet) with
        {
            Fields = new CaseFields { Appointment = new AppointmentWindow(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero)) },
        }, DynamicsRig.Timeout);

        var note = Assert.Single(rig.Simulator.NotesOn(Guid.Parse(record.ExternalId)));
        Assert.Equal("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", note.NoteText);
    }

    public void Dispose() => rig.Dispose();
}
