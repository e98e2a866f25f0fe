using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Engine.Tests.Databases;
using Hub.Engine.Tests.RealPostgres;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// The outbox holds what the planner meant (an intent, translated with the mapping of that moment); the dispatcher makes
/// the adapter's command from it when it sends. Rows an older hub queued hold the adapter's command itself, with an empty
/// external id: pending ones and dead letters replayed after the upgrade are still sent as they were meant.
/// </summary>
public abstract class OutboxIntentTests(IDatabaseSource databases) : IAsyncLifetime
{
    /// <summary>How an older hub stored the create for the building manager: the command, filled in when sent.</summary>
    private const string OldCreateAtFacility =
        """{"caseId":"HUB-2026-000001","correlationKey":"HUB-2026-000001","fields":{"title":"Toilet verstopt 2e verdieping","status":"New","priority":"High","category":"Facilitair","subcategory":"Sanitair"},"targetValues":{"status":"1","priority":"1"},"parameters":{"customer":"accounts(00000000-0000-0000-0000-000000000001)"},"upstreamRecords":[]}""";

    private const string OldCreateAtContractor =
        """{"caseId":"HUB-2026-000001","correlationKey":"HUB-2026-000001","fields":{"title":"Toilet verstopt 2e verdieping","status":"New"},"targetValues":{"status":"new"},"parameters":{"contractor":"loodgieter","contractorEmail":"loodgieter@contractor.example"},"upstreamRecords":[]}""";

    private const string OldFieldsChange =
        """{"caseId":"HUB-2026-000001","externalId":"","kind":"FieldsChanged","fields":{"description":"Het water staat nu ook in de gang."},"targetValues":{},"parameters":{"customer":"accounts(00000000-0000-0000-0000-000000000001)"},"upstreamRecords":[]}""";

    private const string OldComment =
        """{"caseId":"HUB-2026-000001","externalId":"","kind":"CommentAdded","fields":{},"targetValues":{},"comment":{"text":"Monteur komt dinsdag 24-11 tussen 08:00 en 11:00","isPublic":true,"author":"hub"},"parameters":{},"upstreamRecords":[]}""";

    private SyncRig rig = null!;

    public async Task InitializeAsync() => rig = await SyncRig.StartAsync(databases);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Creates_an_older_hub_queued_are_sent_as_they_were_meant_and_linked()
    {
        Assert.Equal(IntakeResult.Opened, await rig.Intake.AcceptAsync("servicedesk", Complaint.Reported("td-1", "I 2026 101", rig.Clock.Now), default));
        var queued = await AsQueuedByAnOlderHubAsync(("facility", OldCreateAtFacility), ("contractor", OldCreateAtContractor));

        Assert.Equal(2, await rig.DispatchAllDueAsync());

        var atFacility = Assert.Single(rig.Facility.Created);
        Assert.Equal((ExampleChain.CaseId, ExampleChain.CaseId, $"{ExampleChain.CaseId}/{queued["facility"]}"), (atFacility.CaseId, atFacility.CorrelationKey, atFacility.CommandKey));
        Assert.Equal(("Toilet verstopt 2e verdieping", CasePriority.High), (atFacility.Fields.Title, atFacility.Fields.Priority));
        Assert.Equal(new Dictionary<string, string> { ["status"] = "1", ["priority"] = "1" }, atFacility.TargetValues);
        Assert.Equal("accounts(00000000-0000-0000-0000-000000000001)", atFacility.Parameters["customer"]);
        Assert.Equal([("servicedesk", "I 2026 101")], atFacility.UpstreamRecords.Select(r => (r.SystemName, r.ExternalNumber)));
        var workOrder = Assert.Single(rig.Contractor.Created);
        Assert.Equal("loodgieter@contractor.example", workOrder.Parameters["contractorEmail"]);
        Assert.Equal(["servicedesk", "facility"], workOrder.UpstreamRecords.Select(r => r.SystemName));
        var links = await rig.ReadAsync(db => db.Links.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.SystemName, l.UpstreamSystem }).ToListAsync());
        Assert.Equal([("servicedesk", null), ("facility", "servicedesk"), ("contractor", "facility")], links.Select(l => (l.SystemName, l.UpstreamSystem)));
        var applied = await AppliedAsync();
        Assert.Equal(["Created", "Created"], applied.Select(e => e.Kind));
        var inForce = (await rig.JournalAsync()).First(e => e.Outcome == JournalOutcome.Observed).MappingVersion;
        Assert.All(applied, e => Assert.Equal(inForce, e.MappingVersion)); // an older row kept no version: the one in force when sent
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_dead_letter_an_older_hub_left_is_sent_to_its_record_with_the_whole_case_when_replayed()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var dead = await AddAsync("facility", OutboxOperation.Apply, "FieldsChanged", OldFieldsChange, OutboxStatus.DeadLettered);
        var pending = await AddAsync("servicedesk", OutboxOperation.Apply, "CommentAdded", OldComment, OutboxStatus.Pending);
        var queuedAt = rig.Clock.Now;
        rig.Clock.Advance(TimeSpan.FromHours(2));

        var whileDead = await rig.DispatchAsync();
        Assert.True(await rig.DeadLetters.ReplayAsync(dead, "admin", CancellationToken.None));
        var afterReplay = await rig.DispatchAllDueAsync();

        Assert.Equal((0, 2), (whileDead, afterReplay)); // the case waits in order behind its dead letter
        var change = Assert.Single(rig.Facility.Applied);
        Assert.Equal((ChangeKind.FieldsChanged, ExampleChain.FacilityCase, $"{ExampleChain.CaseId}/{dead}", queuedAt), (change.Kind, change.ExternalId, change.CommandKey, change.QueuedAt));
        Assert.Equal("Het water staat nu ook in de gang.", change.Fields.Description);
        Assert.Equal("Toilet verstopt 2e verdieping", change.WholeCase?.Title);
        Assert.Equal(["servicedesk"], change.UpstreamRecords.Select(r => r.SystemName));
        var note = Assert.Single(rig.ServiceDesk.Applied);
        Assert.Equal((ChangeKind.CommentAdded, "td-1", $"{ExampleChain.CaseId}/{pending}"), (note.Kind, note.ExternalId, note.CommandKey));
        Assert.Equal(new CaseComment("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", true, "hub"), note.Comment);
        Assert.Null(note.WholeCase);
        Assert.All(await rig.OutboxAsync(), o => Assert.Equal(OutboxStatus.Done, o.Status));
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_command_sent_after_a_mapping_reload_is_journaled_with_the_mapping_its_values_were_translated_with()
    {
        Assert.Equal(IntakeResult.Opened, await rig.Intake.AcceptAsync("servicedesk", Complaint.Reported("td-1", "I 2026 101", rig.Clock.Now), default));
        var planned = (await rig.JournalAsync()).Single(e => e.Outcome == JournalOutcome.Observed).MappingVersion;
        rig.MappingFiles.Edit(
            "values.facility.json",
            "{ \"value\": \"1\", \"canonical\": \"High\" },",
            "{ \"value\": \"1\", \"canonical\": \"High\" }, { \"value\": \"9\", \"canonical\": \"Urgent\", \"direction\": \"inbound\" },");
        rig.ReloadMappings();
        rig.Facility.Failure = AdapterException.Transient("facility", "HTTP 503 from Dataverse");

        await rig.DispatchAsync();
        rig.Facility.Failure = null;
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await rig.DispatchAllDueAsync();

        var sent = (await rig.JournalAsync()).Where(e => e.Outcome is JournalOutcome.Failed or JournalOutcome.Applied).ToList();
        Assert.Equal([(JournalOutcome.Failed, "facility"), (JournalOutcome.Applied, "facility"), (JournalOutcome.Applied, "contractor")], sent.Select(e => (e.Outcome, e.TargetSystem)));
        Assert.All(sent, e => Assert.Equal(planned, e.MappingVersion));
        Assert.NotEqual(planned, rig.MappingVersion); // the reload took effect: the old hub journaled this one
    }

    /// <summary>Gives the rows the planner just queued for these targets the payload an older hub wrote; returns their ids by target.</summary>
    private async Task<Dictionary<string, long>> AsQueuedByAnOlderHubAsync(params (string Target, string Payload)[] rows)
    {
        await using var db = rig.Database.CreateContext();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (target, payload) in rows)
        {
            var row = await db.Outbox.SingleAsync(o => o.TargetSystem == target);
            row.Payload = payload;
            ids[target] = row.Id;
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private async Task<long> AddAsync(string target, string operation, string kind, string payload, OutboxStatus status)
    {
        await using var db = rig.Database.CreateContext();
        var row = new OutboxCommand
        {
            CaseId = ExampleChain.CaseId, TargetSystem = target, Operation = operation, Kind = kind, Payload = payload, Status = status,
            Attempts = status == OutboxStatus.DeadLettered ? 5 : 0, LastError = status == OutboxStatus.DeadLettered ? "HTTP 400 from Dataverse" : null,
            CreatedAt = rig.Clock.Now, NextAttemptAt = rig.Clock.Now,
        };
        db.Outbox.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private Task<List<JournalEntry>> AppliedAsync() =>
        rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.Outcome == JournalOutcome.Applied).OrderBy(e => e.Sequence).ToListAsync());
}

public sealed class OutboxIntentOnSqliteTests() : OutboxIntentTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
public sealed class OutboxIntentOnPostgresTests(PostgresServer server) : OutboxIntentTests(server);
