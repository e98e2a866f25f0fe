using System.Text.Json;
using Hub.Abstractions.Mapping;
using Hub.Engine.Audit;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Journey;

/// <summary>
/// Reads one case's <see cref="JourneyView"/> from the database: its trace (links, journal, stays), its appointment,
/// and the Create commands the hub queued (the contractor chosen, each record's first status). Read-only.
/// </summary>
public static class JourneyReader
{
    public static async Task<JourneyView?> LoadAsync(HubDbContext db, string caseId, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(map);
        var trace = await CaseTraceQuery.LoadAsync(db, caseId, now, cancellationToken).ConfigureAwait(false);
        if (trace is null)
        {
            return null;
        }

        var appointment = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.AppointmentStart, c.AppointmentEnd })
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        var payloads = await db.Outbox.AsNoTracking()
            .Where(o => o.CaseId == caseId && o.Operation == OutboxOperation.Create)
            .OrderBy(o => o.Id)
            .Select(o => new { o.TargetSystem, o.Payload })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var creates = new Dictionary<string, JourneyCreate>(StringComparer.OrdinalIgnoreCase);
        foreach (var payload in payloads)
        {
            creates.TryAdd(payload.TargetSystem, CreateOf(payload.TargetSystem, payload.Payload));
        }

        return Compose(trace, creates, map, appointment.AppointmentStart, appointment.AppointmentEnd);
    }

    /// <summary>The view from what <see cref="LoadAsync"/> read; pure.</summary>
    public static JourneyView Compose(
        CaseTrace trace, IReadOnlyDictionary<string, JourneyCreate> creates, MappingSet map, DateTimeOffset? appointmentStart, DateTimeOffset? appointmentEnd)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(creates);
        ArgumentNullException.ThrowIfNull(map);
        var origin = trace.Case.OriginSystem;
        var links = WithUpstream(trace.Links, origin, map);
        var steps = JourneyMilestones.Derive(trace.Events, links, origin);
        var stays = trace.Stays
            .Select(s => new JourneyStay(s.Role, s.System, s.Number, PartyOf(s.System, creates, map), s.From, s.Until, (long)s.Waited.TotalSeconds, s.IsCurrent))
            .ToList();
        return new JourneyView(
            trace.Case.CaseId,
            trace.Case.Title,
            origin,
            trace.Links.FirstOrDefault(l => Same(l.System, origin))?.Number,
            NowOf(trace, stays),
            JourneyNextSteps.After(steps, links, origin, appointmentStart, appointmentEnd),
            steps,
            stays,
            JourneyStatuses.Read(trace.Links, trace.Events, creates, map));
    }

    /// <summary>
    /// A link found again by its correlation key after a restart does not know the system above it; the route that
    /// reaches its system does, so a recovered work order still reads as a work order, not as a forwarding.
    /// </summary>
    private static List<TraceLink> WithUpstream(IReadOnlyList<TraceLink> links, string origin, MappingSet map) =>
    [
        .. links.Select(l => l.UpstreamSystem is null && !Same(l.System, origin) && map.RoutesTo(l.System).FirstOrDefault() is { } route
            ? l with { UpstreamSystem = route.From }
            : l),
    ];

    private static JourneyPlace? NowOf(CaseTrace trace, List<JourneyStay> stays)
    {
        var current = stays.LastOrDefault(s => s.IsCurrent);
        var finished = current is null ? stays.LastOrDefault() : null;
        return (current ?? finished) is { } stay
            ? new JourneyPlace(stay.Role, stay.System, stay.Number, stay.Party, PersonOf(trace, stay.System), finished?.Until ?? stay.From, finished is not null)
            : null;
    }

    /// <summary>The contractor's name for a system the hub sent a work order to (by the id in its Create command), else null.</summary>
    private static string? PartyOf(string system, IReadOnlyDictionary<string, JourneyCreate> creates, MappingSet map) =>
        creates.TryGetValue(system, out var create) && create.ContractorId is { } id
            ? map.FindContractorById(id)?.Name ?? id
            : null;

    /// <summary>Who the system's last observed change came from, as the intake journaled it ("… by loodgieter@contractor.example").</summary>
    private static string? PersonOf(CaseTrace trace, string system)
    {
        const string By = "by ";
        var detail = trace.Events.LastOrDefault(e => e.Outcome == Journal.JournalOutcome.Observed && Same(e.SourceSystem, system)
                                                     && e.Detail is { } d && (d.StartsWith(By, StringComparison.Ordinal) || d.Contains(", " + By, StringComparison.Ordinal)))?.Detail;
        return detail is null ? null : detail[(detail.LastIndexOf(By, StringComparison.Ordinal) + By.Length)..].Trim();
    }

    private static JourneyCreate CreateOf(string system, string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            return new JourneyCreate(system, Text(root, "targetValues", "status"), Text(root, "parameters", RouteParameters.Contractor));
        }
        catch (JsonException)
        {
            return new JourneyCreate(system, null, null);
        }
    }

    private static string? Text(JsonElement root, string section, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object
        && part.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
