namespace Hub.Adapters.TopDesk.Api;

/// <summary>One progress entry (action) of an incident, as <c>GET /incidents/id/{id}/actions</c> returns it.</summary>
internal sealed class TopDeskAction
{
    public string Id { get; set; } = string.Empty;
    public string? MemoText { get; set; }
    public string? PlainText { get; set; }
    public bool InvisibleForCaller { get; set; }
    public DateTimeOffset? EntryDate { get; set; }
    public TopDeskRef? Operator { get; set; }
    public TopDeskRef? Person { get; set; }
}
