using Hub.Engine.Journal;
using Hub.Engine.Persistence;

namespace Hub.Tests.Audit;

/// <summary>
/// One complaint that travelled the whole chain: reported in TOPdesk, forwarded to the building manager's Dynamics,
/// sent to the plumber as a work order, scheduled, done and resolved back up. Plus an unrelated case beside it.
/// Written through the hub's own journal so the hash chain is real.
/// </summary>
internal static class ComplaintChain
{
    public const string CaseId = "HUB-2026-000042";
    public const string OtherCaseId = "HUB-2026-000043";
    public const string Title = "Toilet verstopt 2e verdieping <img src=x onerror=alert(1)>";
    public const string TopDeskId = "8f2c5a10-3b4d-4e6f-9a7b-1c2d3e4f5a6b";
    public const string TopDeskNumber = "I 2026 042";
    public const string DynamicsId = "5f1c9e2a-7b3d-4c6e-9f10-2a3b4c5d6e7f";
    public const string DynamicsNumber = "CAS-01219-H6B9P4";
    public const string WorkOrderId = "<wo.7k3qx9pm@hub.facility.example>";
    public const string WorkOrderToken = "WO-7K3QX9PM";
    public const string Appointment = "Monteur komt dinsdag 24-11 tussen 08:00 en 11:00";

    public static readonly DateTimeOffset ReportedAt = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>At facility from 08:05 to 11:05 (3h); at the contractor from 11:05 until resolved two days after the report.</summary>
    public static readonly TimeSpan AtServiceDesk = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AtFacility = TimeSpan.FromHours(3);
    public static readonly DateTimeOffset ResolvedAt = ReportedAt.AddDays(2);

    public static async Task SeedAsync(HubDatabase database, bool resolved = true, JournalKeyRing? keys = null)
    {
        var clock = new ManualClock(ReportedAt);
        var journal = new HubJournal(clock, keys);
        await using var db = database.CreateContext();

        db.Cases.Add(new CaseRecord
        {
            Id = CaseId, Title = Title, Status = resolved ? "Resolved" : "Scheduled", Priority = "High", OriginSystem = "servicedesk",
            CreatedAt = ReportedAt, UpdatedAt = resolved ? ResolvedAt : ReportedAt.AddDays(1),
        });
        db.Cases.Add(new CaseRecord { Id = OtherCaseId, Title = "Lamp kapot", Status = "New", OriginSystem = "servicedesk", CreatedAt = ReportedAt, UpdatedAt = ReportedAt });
        await Append(db, journal, CaseId, "Created", JournalOutcome.Observed, source: ("servicedesk", TopDeskId), detail: "Incident I 2026 042 reported");
        Link(db, "servicedesk", TopDeskId, TopDeskNumber, "servicedesk", null, clock.Now);
        await Append(db, journal, OtherCaseId, "Created", JournalOutcome.Observed, source: ("servicedesk", "0000-other"), detail: "Lamp kapot");

        clock.Advance(AtServiceDesk);
        await Append(db, journal, CaseId, "Created", JournalOutcome.Applied, source: ("servicedesk", TopDeskId), target: ("facility", DynamicsId), detail: "Case CAS-01219-H6B9P4 created at the building manager");
        Link(db, "facility", DynamicsId, DynamicsNumber, "facility", "servicedesk", clock.Now);

        clock.Advance(TimeSpan.FromHours(2));
        await Append(db, journal, CaseId, "Created", JournalOutcome.Failed, source: ("facility", DynamicsId), target: ("contractor", null), error: "SMTP 451 temporary failure", attempt: 1);
        clock.Advance(TimeSpan.FromHours(1));
        await Append(db, journal, CaseId, "Created", JournalOutcome.Applied, source: ("facility", DynamicsId), target: ("contractor", WorkOrderId), detail: "Work order WO-7K3QX9PM sent to Loodgieter Jansen", attempt: 2);
        Link(db, "contractor", WorkOrderId, WorkOrderToken, "contractor", "facility", clock.Now);

        clock.Advance(TimeSpan.FromHours(20));
        await Append(db, journal, CaseId, "AppointmentSet", JournalOutcome.Observed, source: ("contractor", WorkOrderId), detail: "gepland di 24-11 08:00-11:00");
        await Append(db, journal, CaseId, "AppointmentSet", JournalOutcome.Applied, source: ("contractor", WorkOrderId), target: ("facility", DynamicsId), detail: Appointment);
        await Append(db, journal, CaseId, "AppointmentSet", JournalOutcome.Applied, source: ("contractor", WorkOrderId), target: ("servicedesk", TopDeskId), detail: Appointment);

        if (resolved)
        {
            clock.Advance(ResolvedAt - clock.Now);
            await Append(db, journal, CaseId, "Resolved", JournalOutcome.Observed, source: ("contractor", WorkOrderId), detail: "gereed");
            await Append(db, journal, CaseId, "Resolved", JournalOutcome.Applied, source: ("contractor", WorkOrderId), target: ("facility", DynamicsId), detail: "Problem Solved");
            await Append(db, journal, CaseId, "Resolved", JournalOutcome.Applied, source: ("contractor", WorkOrderId), target: ("servicedesk", TopDeskId), detail: "Afgemeld");
        }

        await db.SaveChangesAsync();
    }

    private static void Link(HubDbContext db, string system, string id, string number, string role, string? upstream, DateTimeOffset at) =>
        db.Links.Add(new LinkRecord { CaseId = CaseId, SystemName = system, ExternalId = id, ExternalNumber = number, Role = role, UpstreamSystem = upstream, CreatedAt = at });

    private static async Task Append(
        HubDbContext db, HubJournal journal, string caseId, string kind, string outcome,
        (string System, string? Record) source, (string System, string? Record)? target = null,
        string? detail = null, string? error = null, int attempt = 0)
    {
        await journal.AppendAsync(db, new JournalLine
        {
            CaseId = caseId, Kind = kind, Outcome = outcome,
            SourceSystem = source.System, SourceRecord = source.Record,
            TargetSystem = target?.System, TargetRecord = target?.Record,
            Detail = detail, Error = error, Attempt = attempt,
        }, CancellationToken.None);
    }
}
