using System.Diagnostics;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Telemetry;

/// <summary>
/// A later change to a case (a contractor's reply, a status change in a system) is traced in the trace of the poll that
/// read it; its intake span links to the trace the case began in (kept by the case's first traced outbox row), so an
/// operator goes from either to the other. Looked up only while the span is recorded.
/// </summary>
internal static class CaseTraceLink
{
    public static async Task AddAsync(HubDbContext db, string caseId, CancellationToken cancellationToken)
    {
        if (Activity.Current is not { IsAllDataRequested: true } span)
        {
            return;
        }

        var first = await db.Outbox.AsNoTracking()
            .Where(o => o.CaseId == caseId && o.TraceParent != null)
            .OrderBy(o => o.Id)
            .Select(o => o.TraceParent)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var begun = TraceParent.Parse(first);
        if (begun != default && begun.TraceId != span.TraceId)
        {
            span.AddLink(new ActivityLink(begun));
        }
    }
}
