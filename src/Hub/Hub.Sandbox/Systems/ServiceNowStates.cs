namespace Hub.Sandbox.Systems;

/// <summary>The incident states of a ServiceNow instance (the Table API gives the number), in the instance's own labels.</summary>
internal static class ServiceNowStates
{
    public static string Label(string state) => state switch
    {
        "1" => "New",
        "2" => "In Progress",
        "3" => "On Hold",
        "6" => "Resolved",
        "7" => "Closed",
        "8" => "Canceled",
        _ => state,
    };

    /// <summary>Resolved or Closed: the work is done.</summary>
    public static bool IsDone(string state) => state is "6" or "7";
}
