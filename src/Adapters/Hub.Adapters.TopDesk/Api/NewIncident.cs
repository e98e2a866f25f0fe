namespace Hub.Adapters.TopDesk.Api;

/// <summary>The body of <c>POST /incidents</c>. Null members are left out of the JSON.</summary>
internal sealed class NewIncident
{
    public NewCaller? Caller { get; set; }
    public string? Status { get; set; }
    public string? BriefDescription { get; set; }
    public string? Request { get; set; }
    public TopDeskIdRef? Category { get; set; }
    public TopDeskIdRef? Subcategory { get; set; }
    public TopDeskIdRef? Priority { get; set; }
    public TopDeskIdRef? ProcessingStatus { get; set; }
    public TopDeskIdRef? OperatorGroup { get; set; }
    public string? ExternalNumber { get; set; }
    public DateTimeOffset? TargetDate { get; set; }
}

/// <summary>An unregistered caller: the reporter's details typed into the incident.</summary>
internal sealed class NewCaller
{
    public string? DynamicName { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
}
