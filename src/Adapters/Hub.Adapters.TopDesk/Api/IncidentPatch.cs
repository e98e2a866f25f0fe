using System.Text.Json.Serialization;

namespace Hub.Adapters.TopDesk.Api;

/// <summary>
/// The body of <c>PATCH /incidents/id/{id}</c>: only the members that are set are sent. <see cref="Action"/>
/// is the HTML text of a new progress entry (on a read the same name is a URL).
/// </summary>
internal sealed class IncidentPatch
{
    public string? BriefDescription { get; set; }
    public string? Action { get; set; }
    public bool? ActionInvisibleForCaller { get; set; }
    public TopDeskIdRef? ProcessingStatus { get; set; }
    public TopDeskIdRef? Priority { get; set; }
    public TopDeskIdRef? Category { get; set; }
    public TopDeskIdRef? Subcategory { get; set; }
    public bool? Completed { get; set; }
    public bool? Closed { get; set; }
    public DateTimeOffset? TargetDate { get; set; }

    [JsonIgnore]
    public bool IsEmpty =>
        BriefDescription is null && Action is null && ProcessingStatus is null && Priority is null && Category is null
        && Subcategory is null && Completed is null && Closed is null && TargetDate is null;
}
