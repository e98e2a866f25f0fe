using Hub.Core.Adapters;
using Hub.Core.Journal;
using Hub.Core.Mapping;
using Hub.Core.Model;
using Hub.Core.Sync;
using Hub.Core.Tests.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Core.Tests.Sync;

/// <summary>
/// A TOPdesk operator changes an incident, and before the hub's next poll the hub itself writes to the same incident:
/// the snapshot the hub then reads was modified last by the hub's own account. The fields the hub wrote are its echo;
/// the operator's change must still be taken up, not dropped with the echo.
/// </summary>
public sealed class ChangeUnderHubWriteTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly RecordingSystem servicedesk = new("servicedesk", "inc");
    private readonly RecordingSystem facility = new("facility", "cas");
    private readonly RecordingSystem contractor = new("contractor", "wo");
    private readonly HubWriteGate gate = new();
    private TempDatabase temp = null!;
    private ChangeIntake intake = null!;
    private OutboxDispatcher dispatcher = null!;

    public async Task InitializeAsync()
    {
        temp = await TempDatabase.CreateAsync();
        var loaded = MappingLoader.Load(MappingDirectory.Shipped);
        Assert.True(loaded.Succeeded, loaded.Describe());
        var mappings = new StaticMappingProvider(loaded.Mappings);
        var journal = new HubJournal(TimeProvider.System);
        var options = new SyncOptions();
        intake = new ChangeIntake(temp.Database, mappings, journal, gate, TimeProvider.System, new NoDispatchSignal(),
            new CasePlanner(journal, options), NullLogger<ChangeIntake>.Instance);
        dispatcher = new OutboxDispatcher(temp.Database, new SystemAdapters([servicedesk, facility, contractor]), mappings, journal, gate,
            TimeProvider.System, options, NullLogger<OutboxDispatcher>.Instance);
    }

    public async Task DisposeAsync() => await temp.DisposeAsync();

    public void Dispose() => gate.Dispose();

    [Fact]
    public async Task A_priority_changed_just_before_the_hubs_own_write_is_taken_up_and_the_written_status_stays_an_echo()
    {
        await OpenAndScheduleAsync();

        var result = await intake.AcceptAsync("servicedesk", Incident("v3", Reported.AddMinutes(20), status: "Ingepland", priority: "Hoog", byHub: true), default);

        Assert.Equal(IntakeResult.Updated, result);
        await using var db = temp.Database.CreateContext();
        var record = await db.Cases.SingleAsync();
        Assert.Equal(nameof(CasePriority.High), record.Priority);
        Assert.Equal(nameof(CaseStatus.Scheduled), record.Status);
        var observed = await db.Journal.Where(e => e.SourceSystem == "servicedesk" && e.Outcome == JournalOutcome.Observed).OrderBy(e => e.Sequence).LastAsync();
        Assert.Contains("just before the hub's own write (priority)", observed.Detail, StringComparison.Ordinal);
        await DispatchAllAsync();
        Assert.Contains(facility.Changes, c => c.Fields.Priority == CasePriority.High && c.Fields.Status is null);
    }

    [Fact]
    public async Task A_read_back_of_only_what_the_hub_wrote_is_an_echo_even_where_the_value_map_cannot_round_trip()
    {
        await OpenAndScheduleAsync();
        var accepted = new ObservedChange
        {
            ExternalId = "wo-1", Version = "reply-1", Kind = ChangeKind.StatusChanged, OccurredAt = Reported.AddMinutes(30),
            Fields = new CaseFields { Status = CaseStatus.Accepted }, Actor = "Loodgieter Jansen",
        };
        Assert.Equal(IntakeResult.Updated, await intake.AcceptAsync("contractor", accepted, default));
        await DispatchAllAsync();
        Assert.Equal("In behandeling", servicedesk.Changes[^1].TargetValues[MappedField.Status]); // reads back as InProgress

        var first = await intake.AcceptAsync("servicedesk", Incident("v3", Reported.AddMinutes(31), status: "In behandeling", priority: "Normaal", byHub: true), default);
        var again = await intake.AcceptAsync("servicedesk", Incident("v4", Reported.AddMinutes(32), status: "In behandeling", priority: "Normaal", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, first);
        Assert.Equal(IntakeResult.Echo, again);
    }

    [Fact]
    public async Task Without_an_earlier_reading_a_snapshot_by_the_hubs_account_is_wholly_an_echo()
    {
        var result = await intake.AcceptAsync("servicedesk", Incident("v1", Reported, status: "Geregistreerd", priority: "Normaal", byHub: true), default);

        Assert.Equal(IntakeResult.Echo, result);
    }

    /// <summary>An incident opens the case; the building manager schedules it; the hub writes "Ingepland" to TOPdesk.</summary>
    private async Task OpenAndScheduleAsync()
    {
        Assert.Equal(IntakeResult.Opened, await intake.AcceptAsync("servicedesk", Incident("v1", Reported, status: "Geregistreerd", priority: "Normaal", byHub: false), default));
        await DispatchAllAsync();
        Assert.Single(facility.Creates);
        Assert.Equal(IntakeResult.Updated, await intake.AcceptAsync("facility", Case("f1", Reported.AddMinutes(10), status: "4"), default));
        await DispatchAllAsync();
        Assert.Equal("Ingepland", servicedesk.Changes[^1].TargetValues[MappedField.Status]);
    }

    /// <summary>One case's commands go one per round, in order: run rounds until nothing is due.</summary>
    private async Task DispatchAllAsync()
    {
        for (var round = 0; round < 20 && await dispatcher.DispatchDueAsync(default) > 0; round++)
        {
        }
    }

    private static ObservedChange Incident(string version, DateTimeOffset at, string status, string priority, bool byHub) => new()
    {
        ExternalId = "inc-a1",
        ExternalNumber = "I 2611 001",
        Version = version,
        Kind = version == "v1" ? ChangeKind.Created : ChangeKind.FieldsChanged,
        OccurredAt = at,
        Fields = new CaseFields { Title = "WC verstopt, 2e verdieping", Location = new CaseLocation("Utrecht", "Hoofdgebouw", "2", "2.14") },
        RawValues = new Dictionary<string, string>
        {
            [MappedField.Status] = status,
            [MappedField.Priority] = priority,
            [MappedField.Category] = "Facilitair",
            [MappedField.Subcategory] = "Sanitair",
        },
        WrittenByHub = byHub,
        Actor = byHub ? "Hub Integratie" : "Petra de Vries",
    };

    private static ObservedChange Case(string version, DateTimeOffset at, string status) => new()
    {
        ExternalId = "cas-1",
        ExternalNumber = "CAS-0001",
        Version = version,
        Kind = ChangeKind.StatusChanged,
        OccurredAt = at,
        RawValues = new Dictionary<string, string> { [MappedField.Status] = status },
        Actor = "Building manager",
    };
}
