namespace Hub.Adapters.TopDesk.Api;

/// <summary>
/// An incident as <c>GET /incidents</c> and <c>GET /incidents/id/{id}</c> return it (only the fields the hub reads).
/// <see cref="Action"/> is the URL of the action list on a read, not text.
/// </summary>
internal sealed class TopDeskIncident
{
    public string Id { get; set; } = string.Empty;
    public string? Number { get; set; }
    public string? Status { get; set; }
    public string? BriefDescription { get; set; }
    public string? Request { get; set; }
    public string? Action { get; set; }
    public string? ExternalNumber { get; set; }
    public TopDeskCaller? Caller { get; set; }
    public TopDeskRef? CallerBranch { get; set; }
    public TopDeskRef? CallerLocation { get; set; }
    public TopDeskRef? Branch { get; set; }
    public TopDeskRef? Location { get; set; }
    public TopDeskRef? Category { get; set; }
    public TopDeskRef? Subcategory { get; set; }
    public TopDeskRef? Priority { get; set; }
    public TopDeskRef? ProcessingStatus { get; set; }
    public TopDeskRef? OperatorGroup { get; set; }
    public bool Completed { get; set; }
    public bool Closed { get; set; }
    public DateTimeOffset? TargetDate { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public DateTimeOffset? ModificationDate { get; set; }
    public TopDeskRef? Creator { get; set; }
    public TopDeskRef? Modifier { get; set; }
}

/// <summary>The caller block of an incident: a registered person or an unregistered caller's details.</summary>
internal sealed class TopDeskCaller
{
    public string? Id { get; set; }
    public string? DynamicName { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
    public string? MobileNumber { get; set; }
}
