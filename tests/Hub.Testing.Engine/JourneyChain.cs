using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Testing.Engine;

/// <summary>
/// One complaint's journal as the real hub writes it (the kinds, outcomes, details and After JSON of a `hub-sandbox`
/// run, with the sandbox's echoes and Dynamics status codes), on a clock with room between the steps: reported in
/// TOPdesk, forwarded to Dynamics, a work order to the plumber, accepted, scheduled, done. Seeded up to a
/// <see cref="JourneyStage"/>; <c>reporterTold</c> adds the Milestone entries the milestone writer journals.
/// </summary>
public static class JourneyChain
{
    public const string CaseId = "HUB-2026-000101";
    public const string TopDeskId = "77420a98-8511-4c03-b3a4-59db9e5589a5";
    public const string TopDeskNumber = "I 2612 001";
    public const string DynamicsId = "96a40614-5943-443b-9555-a3a02ab137d1";
    public const string DynamicsNumber = "CAS-01001-BC6CB7";
    public const string WorkOrder = "WO-CMRMGDAD";
    public const string ContractorName = "Loodgietersbedrijf De Kraan";
    public const string Plumber = "loodgieter@contractor.example";
    public const string Signature = "Jan de Vries, Loodgietersbedrijf De Vries";
    public const string InternalNote = "Akkoord, we pakken het op.";

    public static readonly DateTimeOffset ReportedAt = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ForwardedAt = ReportedAt.AddMinutes(1);
    public static readonly DateTimeOffset WorkOrderAt = ForwardedAt.AddHours(2);
    public static readonly DateTimeOffset AcceptedAt = WorkOrderAt.AddHours(4);
    public static readonly DateTimeOffset ScheduledAt = AcceptedAt.AddHours(18);
    public static readonly DateTimeOffset DoneAt = ScheduledAt.AddDays(1);
    public static readonly DateTimeOffset VisitFrom = new(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(1));
    public static readonly DateTimeOffset VisitUntil = new(2026, 12, 3, 11, 0, 0, TimeSpan.FromHours(1));

    public static async Task SeedAsync(HubDatabase database, JourneyStage upTo, bool reporterTold = false)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clock = new FakeTimeProvider(ReportedAt);
        var journal = new HubJournal(clock);
        await using var db = database.CreateContext();
        var record = new CaseRecord
        {
            Id = CaseId, Title = "Toilet verstopt op de 2e verdieping, heren", Status = "New", Priority = "Normal", Category = "Facilitair",
            Subcategory = "Sanitair", ReporterName = "Eva Jansen", ReporterEmail = "eva.jansen@tenant.example", OriginSystem = "servicedesk",
            CreatedAt = ReportedAt, UpdatedAt = ReportedAt,
        };
        db.Cases.Add(record);
        db.Links.Add(new LinkRecord { CaseId = CaseId, SystemName = "servicedesk", ExternalId = TopDeskId, ExternalNumber = TopDeskNumber, Role = "servicedesk", CreatedAt = ReportedAt });
        var w = new Writer(db, journal, clock);
        await w.Observed("Created", "servicedesk", TopDeskNumber, after: """{"title":"Toilet verstopt op de 2e verdieping, heren","status":"New","priority":"Normal"}""", detail: "routes: servicedesk-to-facility");

        w.At(ForwardedAt);
        Create(db, "facility", """{"status":"1","priority":"2"}""", """{"customer":"accounts(00000000-0000-0000-0000-000000000001)"}""", ReportedAt);
        db.Links.Add(new LinkRecord { CaseId = CaseId, SystemName = "facility", ExternalId = DynamicsId, ExternalNumber = DynamicsNumber, Role = "facility", UpstreamSystem = "servicedesk", CreatedAt = ForwardedAt });
        await w.Applied("Created", "facility", DynamicsNumber, "record created and linked");
        await w.Echo("Created", "facility", DynamicsNumber, "version 1000001");
        await w.Told(reporterTold, "Forwarded");

        w.At(WorkOrderAt);
        Create(db, "contractor", """{"priority":"Normal"}""", """{"contractor":"loodgieter","contractorEmail":"loodgieter@contractor.example"}""", ReportedAt);
        db.Links.Add(new LinkRecord { CaseId = CaseId, SystemName = "contractor", ExternalId = WorkOrder, ExternalNumber = WorkOrder, Role = "contractor", UpstreamSystem = "facility", CreatedAt = WorkOrderAt });
        await w.Applied("Created", "contractor", WorkOrder, "record created and linked");
        await w.Told(reporterTold, "WorkOrderSent");
        if (upTo >= JourneyStage.Accepted)
        {
            w.At(AcceptedAt);
            await w.Observed("StatusChanged", "contractor", WorkOrder, before: """{"status":"New"}""", after: """{"status":"Accepted"}""", detail: $"by {Plumber}");
            await w.Observed("CommentAdded", "contractor", WorkOrder, after: $"{InternalNote}\n\nMet vriendelijke groet,\n{Signature}", detail: $"internal, by {Plumber}");
            await w.Applied("CommentAdded", "facility", DynamicsNumber, $"internal note: {InternalNote}  Met vriendelijke groet, {Signature}");
            await w.Applied("StatusChanged", "facility", DynamicsNumber, "status → 1");
            await w.Applied("StatusChanged", "servicedesk", TopDeskNumber, "status → In behandeling");
            await w.Echo("FieldsChanged", "servicedesk", TopDeskNumber, "version 20261201T120058.000Z#71fe0d34574b");
            await w.Echo("CommentAdded", "facility", DynamicsId, "version c51d11f8-9218-5a03-a301-0339fc87cef7");
            await w.Told(reporterTold, "Accepted");
        }

        if (upTo >= JourneyStage.Scheduled)
        {
            w.At(ScheduledAt);
            var window = FormattableString.Invariant($"{VisitFrom:O} – {VisitUntil:O}");
            await w.Observed("StatusChanged", "contractor", WorkOrder, before: """{"status":"Accepted","appointment":null}""",
                after: $$"""{"status":"Scheduled","appointment":"{{window}}"}""", detail: $"by {Plumber}");
            await w.Applied("AppointmentSet", "facility", DynamicsNumber, "public note: Monteur komt donderdag 03-12 tussen 08:00 en 11:00");
            await w.Applied("StatusChanged", "facility", DynamicsNumber, "status → 4");
            await w.Applied("AppointmentSet", "servicedesk", TopDeskNumber, "public note: Monteur komt donderdag 03-12 tussen 08:00 en 11:00");
            await w.Applied("StatusChanged", "servicedesk", TopDeskNumber, "status → Ingepland");
            await w.Echo("FieldsChanged", "facility", DynamicsNumber, "version 1000005");
            await w.Told(reporterTold, "Appointment");
            (record.Status, record.AppointmentStart, record.AppointmentEnd) = ("Scheduled", VisitFrom, VisitUntil);
        }

        if (upTo >= JourneyStage.Done)
        {
            w.At(DoneAt);
            await w.Observed("Resolved", "contractor", WorkOrder, before: """{"status":"Scheduled","resolution":null}""", after: """{"status":"Resolved","resolution":"Gereed."}""", detail: $"by {Plumber}");
            await w.Applied("Resolved", "facility", DynamicsNumber, "status → 5");
            await w.Applied("Resolved", "servicedesk", TopDeskNumber, "status → Gereed");
            await w.Echo("FieldsChanged", "servicedesk", TopDeskNumber, "version 20261203T120102.000Z#440425c55bfc");
            await w.Told(reporterTold, "Done");
            record.Status = "Resolved";
        }

        await db.SaveChangesAsync();
    }

    private static void Create(HubDbContext db, string target, string targetValues, string parameters, DateTimeOffset at) =>
        db.Outbox.Add(new OutboxCommand
        {
            CaseId = CaseId, TargetSystem = target, Operation = "Create", Kind = "Created", Status = OutboxStatus.Done, Attempts = 1,
            CreatedAt = at, NextAttemptAt = at, CompletedAt = at,
            Payload = $$"""{"intent":"create","correlationKey":"{{CaseId}}","caseId":"{{CaseId}}","target":"{{target}}","fields":{},"targetValues":{{targetValues}},"parameters":{{parameters}},"mappingVersion":"50b4301a6010"}""",
        });

    private sealed class Writer(HubDbContext db, HubJournal journal, FakeTimeProvider clock)
    {
        public void At(DateTimeOffset at) => clock.Advance(at - clock.GetUtcNow());

        public Task Observed(string kind, string system, string record, string? after = null, string? before = null, string? detail = null) =>
            Append(new JournalLine { CaseId = CaseId, Kind = kind, Outcome = JournalOutcome.Observed, SourceSystem = system, SourceRecord = record, Before = before, After = after, Detail = detail });

        public Task Applied(string kind, string system, string record, string detail) =>
            Append(new JournalLine { CaseId = CaseId, Kind = kind, Outcome = JournalOutcome.Applied, TargetSystem = system, TargetRecord = record, Detail = detail, Attempt = 1 });

        public Task Echo(string kind, string system, string record, string version) =>
            Append(new JournalLine { CaseId = CaseId, Kind = kind, Outcome = JournalOutcome.SkippedAsEcho, SourceSystem = system, SourceRecord = record, Detail = $"written by the hub itself ({version})" });

        /// <summary>What the milestone writer journals once the milestone reached the origin ticket, a minute after.</summary>
        public async Task Told(bool told, string milestone)
        {
            if (!told)
            {
                return;
            }

            clock.Advance(TimeSpan.FromMinutes(1));
            await Append(new JournalLine { CaseId = CaseId, Kind = "Milestone", Outcome = JournalOutcome.Applied, TargetSystem = "servicedesk", TargetRecord = TopDeskNumber, Detail = milestone });
        }

        private async Task Append(JournalLine line) => await journal.AppendAsync(db, line, CancellationToken.None);
    }
}

/// <summary>How far the <see cref="JourneyChain"/> complaint has come.</summary>
public enum JourneyStage
{
    WorkOrderSent,
    Accepted,
    Scheduled,
    Done,
}
