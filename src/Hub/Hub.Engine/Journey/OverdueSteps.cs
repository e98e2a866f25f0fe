using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Journey;

/// <summary>
/// Finds steps of open cases that take longer than their route expects (a route's <see cref="RouteMapping.ExpectedWithin"/>,
/// counted in working time from when the route's target got its record, <see cref="WorkingCalendar"/>) and tells the reporter
/// once: the <see cref="Milestone.StillWaiting"/> milestone ("still waiting for the contractor, expected by …") in the origin
/// ticket, and an internal note that it needs action on the building manager's case. A step is answered by anything the hub
/// observed from the target since (a reply, a status, a note) or by a record the target's step led to further down the
/// chain. Safe to run on several nodes at once and as often as wanted: the milestone is written once per case and party
/// (<see cref="MilestoneWriter"/>).
/// </summary>
public sealed class OverdueSteps(
    HubDatabase database, IMappingProvider mappings, HubJournal journal, HubWriteGate gate, TimeProvider time, SyncOptions options,
    IDispatchSignal dispatch, ILogger<OverdueSteps> logger)
{
    private const string StillWaiting = nameof(Milestone.StillWaiting);

    private static readonly string[] Finished = [nameof(CaseStatus.Resolved), nameof(CaseStatus.Closed), nameof(CaseStatus.Cancelled)];

    private readonly WorkingCalendar calendar = options.Calendar();
    private readonly MilestoneWriter milestones = new(journal, options.Zone());

    /// <summary>Looks once; returns how many "still waiting" milestones it wrote.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var map = mappings.Current;
        var expecting = map.Routes.Where(r => r.ExpectedWithin is not null).ToList();
        if (expecting.Count == 0 || map.Milestones.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var written = 0;
        foreach (var (caseId, route, expectedBy) in await OverdueAsync(expecting, now, cancellationToken).ConfigureAwait(false))
        {
            if (await TellAsync(caseId, route, expectedBy, map, now, cancellationToken).ConfigureAwait(false))
            {
                written++;
                logger.LogInformation("Case {CaseId}: {System} was expected to answer by {ExpectedBy:O}; the reporter was told it is still awaited", caseId, route.To, expectedBy);
            }
        }

        if (written > 0)
        {
            dispatch.CommandsQueued();
        }

        return written;
    }

    private async Task<List<(string CaseId, RouteMapping Route, DateTimeOffset ExpectedBy)>> OverdueAsync(
        List<RouteMapping> expecting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var targets = expecting.Select(r => r.To).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var waiting = await (
                from link in db.Links.AsNoTracking()
                join record in db.Cases.AsNoTracking() on link.CaseId equals record.Id
                where targets.Contains(link.SystemName) && (record.Status == null || !Finished.Contains(record.Status))
                select new { link.CaseId, link.SystemName, link.CreatedAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var overdue = new List<(string, RouteMapping, DateTimeOffset)>();
            foreach (var step in waiting)
            {
                var route = expecting.First(r => string.Equals(r.To, step.SystemName, StringComparison.OrdinalIgnoreCase));
                var expectedBy = calendar.Add(step.CreatedAt, WorkingTime(route.ExpectedWithin!));
                if (expectedBy <= now && !await AnsweredAsync(db, step.CaseId, step.SystemName, cancellationToken).ConfigureAwait(false))
                {
                    overdue.Add((step.CaseId, route, expectedBy));
                }
            }

            return overdue;
        }
    }

    private TimeSpan WorkingTime(ExpectedTime expected) =>
        expected.WorkingDays > 0 ? calendar.WorkingDay * expected.WorkingDays : TimeSpan.FromHours(expected.WorkingHours);

    /// <summary>The target answered, its step led further, or the reporter was told already (looked up again under the lock when written).</summary>
    private static async Task<bool> AnsweredAsync(HubDbContext db, string caseId, string system, CancellationToken cancellationToken) =>
        await db.Journal.AsNoTracking().AnyAsync(
                e => e.CaseId == caseId && e.SourceSystem == system
                     && ((e.Outcome == JournalOutcome.Observed && e.Kind != HubEvent.Milestone)
                         || (e.Kind == HubEvent.Milestone && e.Detail == StillWaiting)),
                cancellationToken).ConfigureAwait(false)
        || await db.Links.AsNoTracking().AnyAsync(l => l.CaseId == caseId && l.UpstreamSystem == system, cancellationToken).ConfigureAwait(false);

    private async Task<bool> TellAsync(string caseId, RouteMapping route, DateTimeOffset expectedBy, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var db = database.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                if (await db.Cases.FindAsync([caseId], cancellationToken).ConfigureAwait(false) is not { } record)
                {
                    return false;
                }

                var step = new MilestoneStep(Milestone.StillWaiting, route.To)
                {
                    Role = route.Role,
                    ExpectedBy = expectedBy,
                    NoteFor = MilestonesOfChange.BuildingManagerOf(map, record.OriginSystem, route.To) ?? route.To,
                };
                var written = await milestones.WriteAsync(db, record, step, map, now, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return written;
            }
        }
    }
}
