using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Engine.Tests.Databases;
using Hub.Engine.Tests.RealPostgres;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A hub id is no secret: anyone can type <c>HUB-2026-000001</c> into an incident's external number. A record found by
/// its correlation key joins that case only when the hub itself asked that system for the case's record and has not
/// recorded one yet (a create pending, or sent before a crash); any other claim is journaled and moves nothing.
/// </summary>
public abstract class CorrelationClaimTests(IDatabaseSource databases) : IAsyncLifetime
{
    private SyncRig rig = null!;

    public async Task InitializeAsync() => rig = await SyncRig.StartAsync(databases);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task An_incident_claiming_a_case_that_already_has_its_service_desk_record_is_refused_and_changes_nothing()
    {
        await ExampleChain.ReportedAndSentAsync(rig);
        var before = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        var commands = (await rig.OutboxAsync()).Count;

        var result = await rig.Intake.AcceptAsync("servicedesk", Forged("servicedesk", "td-666", "I 2026 666"), default);
        await rig.DispatchAllDueAsync();

        Assert.Equal(IntakeResult.ClaimRefused, result);
        var after = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.FieldStamps, after.FieldStamps);
        Assert.Equal(["td-1"], await LinkedAsync("servicedesk"));
        Assert.Equal(commands, (await rig.OutboxAsync()).Count);
        Assert.Empty(rig.Facility.Applied);
        await AssertRefusedAsync("servicedesk", "I 2026 666", "td-1");
    }

    [Fact]
    public async Task An_incident_claiming_a_case_the_hub_never_sent_to_the_service_desk_is_refused()
    {
        var opened = await rig.Intake.AcceptAsync("facility", new ObservedChange
        {
            ExternalId = "facility-own-1", ExternalNumber = "CAS-01001", Version = "1", Kind = ChangeKind.Created, OccurredAt = rig.Clock.Now,
            Fields = new CaseFields { Title = "Lekkage dak", Category = "Facilitair", Subcategory = "Sanitair" },
            RawValues = new Dictionary<string, string> { [MappedField.Status] = "1" },
        }, default);
        await rig.DispatchAllDueAsync();

        var result = await rig.Intake.AcceptAsync("servicedesk", Forged("servicedesk", "td-666", "I 2026 666"), default);

        Assert.Equal(IntakeResult.Opened, opened);
        Assert.Equal(IntakeResult.ClaimRefused, result);
        Assert.Empty(await LinkedAsync("servicedesk"));
        var record = await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal("Lekkage dak", record.Title);
        Assert.DoesNotContain(await rig.OutboxAsync(), o => o.TargetSystem == "servicedesk");
        await AssertRefusedAsync("servicedesk", "I 2026 666", "never");
    }

    [Fact]
    public async Task A_record_created_just_before_a_crash_is_linked_once_by_its_key_and_a_copy_claiming_it_later_is_refused()
    {
        Assert.Equal(IntakeResult.Opened, await rig.Intake.AcceptAsync("servicedesk", Complaint.Reported("td-1", "I 2026 101", rig.Clock.Now), default));
        var create = (await rig.OutboxAsync()).First(o => o.TargetSystem == "facility");
        var made = await rig.Facility.CreateAsync(AdapterCommands.Create((CreateIntent)OutboxPayload.Read(create), create, []), default); // the hub crashed before it recorded this

        var found = await rig.Intake.AcceptAsync("facility", Forged("facility", made.ExternalId, made.ExternalNumber!) with { WrittenByHub = true }, default);
        await rig.DispatchAllDueAsync();
        var copy = await rig.Intake.AcceptAsync("facility", Forged("facility", "facility-id-999", "FACILITY-999"), default);

        Assert.Equal(IntakeResult.Echo, found);
        Assert.Equal(IntakeResult.ClaimRefused, copy);
        Assert.Equal([made.ExternalId], await LinkedAsync("facility"));
        Assert.Single(rig.Facility.Created);
        Assert.Single(rig.Contractor.Created);
        var recovered = await rig.ReadAsync(db => db.Journal.AsNoTracking().SingleAsync(e => e.Kind == HubEvent.LinkCreated));
        Assert.Equal(made.ExternalNumber, recovered.TargetRecord);
        Assert.All(await rig.OutboxAsync(), o => Assert.Equal(OutboxStatus.Done, o.Status));
        await AssertRefusedAsync("facility", "FACILITY-999", made.ExternalNumber!);
    }

    [Fact]
    public async Task A_record_claiming_a_case_whose_create_in_its_system_was_discarded_is_refused()
    {
        rig.Facility.Failure = AdapterException.Permanent("facility", "400 Bad Request: customerid does not exist");
        Assert.Equal(IntakeResult.Opened, await rig.Intake.AcceptAsync("servicedesk", Complaint.Reported("td-1", "I 2026 101", rig.Clock.Now), default));
        await rig.DispatchAllDueAsync();
        var dead = Assert.Single(await rig.DeadLetters.ListAsync(CancellationToken.None));
        Assert.True(await rig.DeadLetters.DiscardAsync(dead.Id, "admin", CancellationToken.None));
        rig.Facility.Failure = null;

        var result = await rig.Intake.AcceptAsync("facility", Forged("facility", "facility-id-999", "FACILITY-999"), default);

        Assert.Equal(IntakeResult.ClaimRefused, result);
        Assert.Empty(await LinkedAsync("facility"));
        await AssertRefusedAsync("facility", "FACILITY-999", "discarded");
    }

    private ObservedChange Forged(string system, string id, string number) => new()
    {
        ExternalId = id, ExternalNumber = number, Version = "1", Kind = ChangeKind.Created, OccurredAt = rig.Clock.Now,
        Fields = new CaseFields { Title = "Gratis pizza voor iedereen", Description = "Zie HUB-2026-000001." },
        RawValues = system == "servicedesk"
            ? new Dictionary<string, string> { [MappedField.Status] = "Gereed", [MappedField.Category] = "Facilitair", [MappedField.Subcategory] = "Sanitair" }
            : new Dictionary<string, string> { [MappedField.Status] = "5" },
        Comment = new CaseComment("Opgelost, u kunt de melding sluiten.", IsPublic: true, Author: "onbekend"),
        CorrelationKey = ExampleChain.CaseId,
    };

    private Task<List<string>> LinkedAsync(string system) =>
        rig.ReadAsync(db => db.Links.AsNoTracking().Where(l => l.SystemName == system).OrderBy(l => l.Id).Select(l => l.ExternalId).ToListAsync());

    private async Task AssertRefusedAsync(string system, string record, string reasonMentions)
    {
        var refused = Assert.Single(await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(e => e.Kind == HubEvent.ClaimRefused).ToListAsync()));
        Assert.Equal(JournalOutcome.Conflict, refused.Outcome);
        Assert.Equal(ExampleChain.CaseId, refused.CaseId);
        Assert.Equal(system, refused.SourceSystem);
        Assert.Equal(record, refused.SourceRecord);
        Assert.Contains(ExampleChain.CaseId, refused.Detail, StringComparison.Ordinal);
        Assert.Contains(reasonMentions, refused.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await rig.ReadAsync(db => db.Cases.CountAsync()));
        await rig.AssertJournalIntactAsync();
    }
}

public sealed class CorrelationClaimOnSqliteTests() : CorrelationClaimTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
public sealed class CorrelationClaimOnPostgresTests(PostgresServer server) : CorrelationClaimTests(server);
