using Hub.Abstractions.Model;

namespace Hub.Engine.Sync;

/// <summary>What a new status means as a change: resolved, cancelled, reopened (after resolved, closed or cancelled) or a plain status change.</summary>
internal static class StatusChange
{
    public static ChangeKind KindOf(CaseStatus? before, CaseStatus? after) => after switch
    {
        CaseStatus.Resolved => ChangeKind.Resolved,
        CaseStatus.Cancelled => ChangeKind.Cancelled,
        _ when before is CaseStatus.Resolved or CaseStatus.Closed or CaseStatus.Cancelled => ChangeKind.Reopened,
        _ => ChangeKind.StatusChanged,
    };
}
