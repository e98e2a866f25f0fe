using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>
/// Writes to Dynamics stay single across outbox retries and restarts, not only across the HTTP retries of one call:
/// Dataverse applies the write, its answer is lost, and the hub's real outbox sends the command again (after a restart,
/// through a new adapter). HTTP retries are off here, so the lost answer reaches the outbox.
/// </summary>
public sealed class OutboxRetryTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoHttpRetries = new() { ["Http:MaxRetries"] = "0" };
    private readonly DynamicsRig rig = new();
    private readonly OutboxRetryRig outbox = new(DynamicsRig.SystemName, TimeProvider.System);

    [Fact]
    public async Task When_the_answer_to_a_note_is_lost_the_outbox_retry_after_a_restart_adds_no_second_note()
    {
        var caseId = await CaseAsync();
        var id = await outbox.QueueAsync(Change(caseId, ChangeKind.CommentAdded) with { Comment = new CaseComment("Monteur komt dinsdag tussen 08:00 en 11:00", true, "Loodgieter Jansen") }, DynamicsRig.Timeout);
        rig.Simulator.LoseAnswerToNext("PATCH", "annotations(");

        Assert.Equal(1, await outbox.DispatchAsync(rig.CreateAdapter(NoHttpRetries), DynamicsRig.Timeout));
        var afterLostAnswer = await outbox.OutboxRowAsync(id, DynamicsRig.Timeout);
        await Task.Delay(TimeSpan.FromMilliseconds(50)); // past the (1 ms) backoff
        Assert.Equal(1, await outbox.DispatchAfterRestartAsync(rig.CreateAdapter(NoHttpRetries), DynamicsRig.Timeout));

        Assert.Equal((OutboxStatus.Pending, 1), (afterLostAnswer.Status, afterLostAnswer.Attempts));
        Assert.Equal((OutboxStatus.Done, 2), ((await outbox.OutboxRowAsync(id, DynamicsRig.Timeout)).Status, (await outbox.OutboxRowAsync(id, DynamicsRig.Timeout)).Attempts));
        var note = Assert.Single(rig.Simulator.NotesOn(caseId));
        Assert.Equal("Monteur komt dinsdag tussen 08:00 en 11:00", note.NoteText);
        var writes = rig.Simulator.DataverseRequests.Where(r => r.PathAndQuery.StartsWith("annotations(", StringComparison.Ordinal)).ToList();
        Assert.Equal([504, 412], writes.Select(w => w.StatusCode));
        Assert.Equal(writes[0].PathAndQuery, writes[1].PathAndQuery); // the same annotationid on both attempts
        Assert.Equal([JournalOutcome.Failed, JournalOutcome.Applied], await outbox.OutcomesAsync(DynamicsRig.Timeout));
    }

    [Fact]
    public async Task When_the_answer_to_an_appointment_note_is_lost_the_outbox_retry_adds_no_second_note()
    {
        var caseId = await CaseAsync();
        var start = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        await outbox.QueueAsync(Change(caseId, ChangeKind.AppointmentSet) with { Fields = new CaseFields { Appointment = new AppointmentWindow(start, start.AddHours(3)) } }, DynamicsRig.Timeout);
        rig.Simulator.LoseAnswerToNext("PATCH", "annotations(");
        var adapter = rig.CreateAdapter(NoHttpRetries);

        await outbox.DispatchAsync(adapter, DynamicsRig.Timeout);
        await Task.Delay(TimeSpan.FromMilliseconds(50));
        await outbox.DispatchAsync(adapter, DynamicsRig.Timeout);

        Assert.Single(rig.Simulator.NotesOn(caseId));
    }

    [Fact]
    public async Task Two_commands_with_the_same_words_are_two_notes()
    {
        var caseId = await CaseAsync();
        var said = new CaseComment("Gepland", true, "Loodgieter Jansen");
        await outbox.QueueAsync(Change(caseId, ChangeKind.CommentAdded) with { Comment = said }, DynamicsRig.Timeout);
        await outbox.QueueAsync(Change(caseId, ChangeKind.CommentAdded) with { Comment = said }, DynamicsRig.Timeout);
        var adapter = rig.CreateAdapter(NoHttpRetries);

        await outbox.DispatchAsync(adapter, DynamicsRig.Timeout);
        await outbox.DispatchAsync(adapter, DynamicsRig.Timeout);

        Assert.Equal(2, rig.Simulator.NotesOn(caseId).Count);
    }

    [Fact]
    public async Task When_the_answer_to_CloseIncident_is_lost_the_outbox_retry_after_a_restart_resolves_the_case_once()
    {
        var caseId = await CaseAsync();
        var id = await outbox.QueueAsync(Change(caseId, ChangeKind.Resolved) with
        {
            Fields = new CaseFields { Status = CaseStatus.Resolved, Resolution = "Sifon vervangen, toilet loopt weer door." },
            TargetValues = new Dictionary<string, string> { [MappedField.Status] = "5" },
        }, DynamicsRig.Timeout);
        rig.Simulator.LoseAnswerToNext("POST", "CloseIncident", thenUnavailable: 1); // the attempt cannot look whether it got through

        await outbox.DispatchAsync(rig.CreateAdapter(NoHttpRetries), DynamicsRig.Timeout);
        await Task.Delay(TimeSpan.FromMilliseconds(50));
        await outbox.DispatchAfterRestartAsync(rig.CreateAdapter(NoHttpRetries), DynamicsRig.Timeout);

        Assert.Equal((OutboxStatus.Done, 2), ((await outbox.OutboxRowAsync(id, DynamicsRig.Timeout)).Status, (await outbox.OutboxRowAsync(id, DynamicsRig.Timeout)).Attempts));
        var row = rig.Simulator.FindCase(caseId)!;
        Assert.Equal((1, 5), (row.StateCode, row.StatusCode));
        var resolution = Assert.Single(rig.Simulator.Resolutions);
        Assert.Equal("Sifon vervangen, toilet loopt weer door.", resolution.Description);
        Assert.Equal([504], rig.Simulator.DataverseRequests.Where(r => r.PathAndQuery == "CloseIncident").Select(r => r.StatusCode));
    }

    private static ApplyChangeCommand Change(Guid caseId, ChangeKind kind) => new()
    {
        CaseId = "HUB-2026-000042",
        ExternalId = caseId.ToString(),
        Kind = kind,
    };

    private async Task<Guid> CaseAsync()
    {
        await outbox.StartAsync(DynamicsRig.Timeout);
        var record = await rig.CreateAdapter().CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        rig.Simulator.ClearRequestLog();
        return Guid.Parse(record.ExternalId);
    }

    public void Dispose()
    {
        outbox.Dispose();
        rig.Dispose();
    }
}
