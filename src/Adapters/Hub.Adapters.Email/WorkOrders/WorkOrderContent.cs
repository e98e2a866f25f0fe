namespace Hub.Adapters.Email.WorkOrders;

/// <summary>What a work order tells the contractor, taken from the case (plain text; escaped where it is rendered).</summary>
internal sealed class WorkOrderContent
{
    public string CaseId { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public string Location { get; set; } = string.Empty;
    public string Reporter { get; set; } = string.Empty;
    public DateTimeOffset? TargetDate { get; set; }
    public string References { get; set; } = string.Empty;
}
