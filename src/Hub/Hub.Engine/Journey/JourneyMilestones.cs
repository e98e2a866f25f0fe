using System.Globalization;
using System.Text.Json;
using Hub.Abstractions.Model;
using Hub.Engine.Audit;
using Hub.Engine.Journal;
using Hub.Engine.Sync;

namespace Hub.Engine.Journey;

/// <summary>
/// Derives the milestones from a case's journal, oldest first: a record created (or linked) at a system the origin
/// forwarded to → <see cref="Milestone.Forwarded"/>, further down the chain → <see cref="Milestone.WorkOrderSent"/>;
/// what a downstream party was seen to do (status Accepted, Scheduled with an appointment, Waiting, Resolved/Closed,
/// Cancelled) → Accepted, Appointment, Delayed, Done, Cancelled (Refused when the party refusing got a work order);
/// the origin cancelling → Cancelled. Echoes, failures and bookkeeping never count. Each milestone counts once
/// (an appointment again when it moves; all again after a reopening), and a <see cref="HubEvent.Milestone"/> entry
/// marks when the reporter was told of it.
/// </summary>
public static class JourneyMilestones
{
    private const string AppointmentSeparator = " – ";

    public static IReadOnlyList<JourneyStep> Derive(IReadOnlyList<JournalRecord> events, IReadOnlyList<TraceLink> links, string originSystem)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(links);
        var steps = new List<JourneyStep>();
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in events.OrderBy(e => e.Sequence))
        {
            if (entry.Kind == HubEvent.Milestone)
            {
                MarkTold(steps, entry, links);
            }
            else if (Arrival(entry, links, originSystem, reached) is { } arrival)
            {
                steps.Add(arrival);
            }
            else if (entry.Kind == nameof(ChangeKind.Reopened) && entry.Outcome == JournalOutcome.Observed)
            {
                reached.RemoveWhere(r => !r.StartsWith('@'));
            }
            else if (Observed(entry, links, originSystem) is { } seen && Once(seen, reached))
            {
                steps.Add(seen);
            }
        }

        return steps;
    }

    private static JourneyStep? Arrival(JournalRecord entry, IReadOnlyList<TraceLink> links, string origin, HashSet<string> reached)
    {
        if (entry.Kind is not (nameof(ChangeKind.Created) or HubEvent.LinkCreated) || entry.Outcome != JournalOutcome.Applied
            || entry.TargetSystem is not { } target || string.Equals(target, origin, StringComparison.OrdinalIgnoreCase)
            || !reached.Add("@" + target))
        {
            return null;
        }

        var link = LinkOf(links, target);
        var milestone = link?.UpstreamSystem is { } upstream && !string.Equals(upstream, origin, StringComparison.OrdinalIgnoreCase)
            ? Milestone.WorkOrderSent
            : Milestone.Forwarded;
        return new JourneyStep(milestone, entry.At, link?.Role ?? target, target, null, null, null);
    }

    private static JourneyStep? Observed(JournalRecord entry, IReadOnlyList<TraceLink> links, string origin)
    {
        if (entry.Outcome != JournalOutcome.Observed || entry.SourceSystem is not { } source)
        {
            return null;
        }

        var link = LinkOf(links, source);
        var role = link?.Role ?? source;
        var (status, appointment) = Read(entry.After);
        if (string.Equals(source, origin, StringComparison.OrdinalIgnoreCase))
        {
            return IsCancel(entry.Kind, status) ? new JourneyStep(Milestone.Cancelled, entry.At, role, source, null, null, null) : null;
        }

        var milestone = entry.Kind switch
        {
            nameof(ChangeKind.Resolved) => Milestone.Done,
            nameof(ChangeKind.AppointmentSet) => Milestone.Appointment,
            _ when IsCancel(entry.Kind, status) => GotWorkOrder(link, origin) ? Milestone.Refused : Milestone.Cancelled,
            _ => status switch
            {
                nameof(CaseStatus.Accepted) => Milestone.Accepted,
                nameof(CaseStatus.Scheduled) when appointment is not null => Milestone.Appointment,
                nameof(CaseStatus.Waiting) => Milestone.Delayed,
                nameof(CaseStatus.Resolved) or nameof(CaseStatus.Closed) => Milestone.Done,
                _ => (Milestone?)null,
            },
        };
        return milestone is { } m
            ? new JourneyStep(m, entry.At, role, source, m == Milestone.Appointment ? appointment?.Start : null, m == Milestone.Appointment ? appointment?.End : null, null)
            : null;
    }

    /// <summary>True the first time a milestone is reached; an appointment again each time its window changes.</summary>
    private static bool Once(JourneyStep step, HashSet<string> reached) =>
        reached.Add(step.Milestone == Milestone.Appointment
            ? FormattableString.Invariant($"{step.Milestone}|{step.AppointmentStart:O}|{step.AppointmentEnd:O}")
            : step.Milestone.ToString());

    /// <summary>The latest step of the milestone not yet marked gets the time the reporter was told; a milestone only the writer knows (e.g. still waiting) becomes a step of its own.</summary>
    private static void MarkTold(List<JourneyStep> steps, JournalRecord entry, IReadOnlyList<TraceLink> links)
    {
        if (!Enum.TryParse<Milestone>(entry.Detail?.Trim(), ignoreCase: false, out var milestone) || !Enum.IsDefined(milestone))
        {
            return;
        }

        var index = steps.FindLastIndex(s => s.Milestone == milestone && s.ReporterToldAt is null);
        if (index >= 0)
        {
            steps[index] = steps[index] with { ReporterToldAt = entry.At };
            return;
        }

        var system = entry.TargetSystem ?? string.Empty;
        steps.Add(new JourneyStep(milestone, entry.At, LinkOf(links, system)?.Role ?? system, system, null, null, entry.At));
    }

    private static bool IsCancel(string kind, string? status) =>
        kind == nameof(ChangeKind.Cancelled) || status == nameof(CaseStatus.Cancelled);

    private static bool GotWorkOrder(TraceLink? link, string origin) =>
        link?.UpstreamSystem is { } upstream && !string.Equals(upstream, origin, StringComparison.OrdinalIgnoreCase);

    private static TraceLink? LinkOf(IReadOnlyList<TraceLink> links, string system) =>
        links.FirstOrDefault(l => string.Equals(l.System, system, StringComparison.OrdinalIgnoreCase));

    /// <summary>The canonical status and appointment an observation's After holds (JSON written by the intake); nulls when it holds none.</summary>
    internal static (string? Status, AppointmentWindow? Appointment) Read(string? after)
    {
        if (string.IsNullOrWhiteSpace(after) || after[0] != '{')
        {
            return (null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(after);
            var status = json.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var appointment = json.RootElement.TryGetProperty("appointment", out var a) && a.ValueKind == JsonValueKind.String ? Window(a.GetString()!) : null;
            return (status, appointment);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static AppointmentWindow? Window(string text)
    {
        var parts = text.Split(AppointmentSeparator);
        return parts.Length == 2
               && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
               && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            ? new AppointmentWindow(start, end)
            : null;
    }
}
