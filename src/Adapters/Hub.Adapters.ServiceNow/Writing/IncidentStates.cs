namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>The incident table's <c>state</c> values the adapter acts on (the value maps name them all).</summary>
internal static class IncidentStates
{
    public const string OnHold = "3";
    public const string Resolved = "6";
    public const string Closed = "7";

    /// <summary>1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled.</summary>
    public static IReadOnlyList<string> Known { get; } = ["1", "2", "3", "6", "7", "8"];

    /// <summary>The priority (1–5) the default priority lookup rules compute from these impact and urgency.</summary>
    public static (string Impact, string Urgency)? ImpactAndUrgencyOf(string priority) => priority switch
    {
        "1" => ("1", "1"),
        "2" => ("1", "2"),
        "3" => ("2", "2"),
        "4" => ("2", "3"),
        "5" => ("3", "3"),
        _ => null,
    };
}
