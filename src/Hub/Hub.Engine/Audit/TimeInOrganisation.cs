using Hub.Engine.Journal;
using Hub.Abstractions.Model;

namespace Hub.Engine.Audit;

/// <summary>
/// Works out, from the links and the journal, how long a complaint waited at each organisation in the chain.
/// An organisation holds the complaint from its record's creation (the journal's first Created or LinkCreated
/// entry that observed or applied that record, else the link's own time) until the next record in the chain appears; the last
/// one holds it until the complaint is resolved or cancelled (and not reopened since), or until now.
/// </summary>
public static class TimeInOrganisation
{
    private const string LinkCreated = "LinkCreated";

    public static IReadOnlyList<OrganisationStay> Compute(
        IReadOnlyList<TraceLink> links, IReadOnlyList<JournalRecord> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(events);
        var arrivals = links
            .Select(link => (Link: link, From: ArrivalOf(link, events)))
            .OrderBy(a => a.From)
            .ThenBy(a => a.Link.LinkedAt)
            .ToList();
        var closedAt = ClosedAt(events);

        var stays = new List<OrganisationStay>(arrivals.Count);
        for (var i = 0; i < arrivals.Count; i++)
        {
            var (link, from) = arrivals[i];
            DateTimeOffset? until = i + 1 < arrivals.Count ? arrivals[i + 1].From : closedAt;
            if (until < from)
            {
                until = from;
            }

            var end = until ?? now;
            stays.Add(new OrganisationStay(link.Role, link.System, link.Number, from, until, end > from ? end - from : TimeSpan.Zero, until is null));
        }

        return stays;
    }

    private static DateTimeOffset ArrivalOf(TraceLink link, IReadOnlyList<JournalRecord> events)
    {
        var first = events.FirstOrDefault(e =>
            (e.Kind == LinkCreated || (e.Kind == nameof(ChangeKind.Created) && e.Outcome is JournalOutcome.Observed or JournalOutcome.Applied))
            && (Names(e.SourceSystem, e.SourceRecord, link) || Names(e.TargetSystem, e.TargetRecord, link)));
        return first?.At ?? link.LinkedAt;
    }

    private static bool Names(string? system, string? record, TraceLink link) =>
        string.Equals(system, link.System, StringComparison.Ordinal)
        && (string.Equals(record, link.ExternalId, StringComparison.Ordinal)
            || (link.Number is not null && string.Equals(record, link.Number, StringComparison.Ordinal)));

    private static DateTimeOffset? ClosedAt(IReadOnlyList<JournalRecord> events)
    {
        DateTimeOffset? closedAt = null;
        foreach (var entry in events)
        {
            if (entry.Kind is nameof(ChangeKind.Resolved) or nameof(ChangeKind.Cancelled))
            {
                closedAt ??= entry.At;
            }
            else if (entry.Kind == nameof(ChangeKind.Reopened))
            {
                closedAt = null;
            }
        }

        return closedAt;
    }
}
