using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Writing;

/// <summary>
/// Which state (statecode: 0 Active, 1 Resolved, 2 Cancelled) a status reason (statuscode) belongs to, for the
/// standard reasons; a custom reason takes its state from the canonical status the engine sent along.
/// </summary>
internal static class CaseStates
{
    public const int Active = 0;
    public const int Resolved = 1;
    public const int Cancelled = 2;

    public static int? StateOf(int statusCode, CaseStatus? canonical) => statusCode switch
    {
        1 or 2 or 3 or 4 => Active,
        5 or 1000 => Resolved,
        6 or 2000 => Cancelled,
        _ => canonical switch
        {
            CaseStatus.Resolved => Resolved,
            CaseStatus.Cancelled or CaseStatus.Closed => Cancelled,
            null => null,
            _ => Active,
        },
    };

    public static int DefaultReason(int state) => state switch
    {
        Resolved => 5,
        Cancelled => 6,
        _ => 1,
    };
}
