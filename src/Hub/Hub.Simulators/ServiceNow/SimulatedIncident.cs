namespace Hub.Simulators.ServiceNow;

/// <summary>
/// One row of the simulated instance's <c>incident</c> table: every column is a string, as the Table API gives it
/// (<c>sysparm_display_value=false</c>); reference columns hold the referenced row's sys_id. Times are UTC
/// <c>yyyy-MM-dd HH:mm:ss</c>, whole seconds.
/// </summary>
public sealed class SimulatedIncident
{
    internal SimulatedIncident(string sysId, string number) => Values = new(StringComparer.Ordinal)
    {
        ["sys_id"] = sysId,
        ["number"] = number,
        ["short_description"] = string.Empty,
        ["description"] = string.Empty,
        ["state"] = "1",
        ["incident_state"] = "1",
        ["hold_reason"] = string.Empty,
        ["close_code"] = string.Empty,
        ["close_notes"] = string.Empty,
        ["caller_id"] = string.Empty,
        ["assignment_group"] = string.Empty,
        ["category"] = string.Empty,
        ["subcategory"] = string.Empty,
        ["impact"] = "3",
        ["urgency"] = "3",
        ["priority"] = "5",
        ["location"] = string.Empty,
        ["correlation_id"] = string.Empty,
        ["correlation_display"] = string.Empty,
        ["active"] = "true",
        ["sys_mod_count"] = "0",
    };

    /// <summary>Every column's stored value.</summary>
    internal Dictionary<string, string> Values { get; }

    /// <summary>Columns served as this raw JSON instead of their value (a customisation or a bug on the instance).</summary>
    internal Dictionary<string, string> RawJson { get; } = new(StringComparer.Ordinal);

    public string SysId => Values["sys_id"];
    public string Number => Values["number"];
    public string ShortDescription => Values["short_description"];
    public string Description => Values["description"];
    public string State => Values["state"];
    public string HoldReason => Values["hold_reason"];
    public string CloseCode => Values["close_code"];
    public string CloseNotes => Values["close_notes"];
    public string CallerId => Values["caller_id"];
    public string AssignmentGroup => Values["assignment_group"];
    public string Category => Values["category"];
    public string Priority => Values["priority"];
    public string CorrelationId => Values["correlation_id"];
    public string CorrelationDisplay => Values["correlation_display"];
    public string UpdatedBy => Values.GetValueOrDefault("sys_updated_by", string.Empty);
    public string UpdatedOn => Values.GetValueOrDefault("sys_updated_on", string.Empty);
    public int ModCount => int.Parse(Values["sys_mod_count"], System.Globalization.CultureInfo.InvariantCulture);
}
