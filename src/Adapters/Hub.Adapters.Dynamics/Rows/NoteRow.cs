using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>An <c>annotation</c> (note) row bound to a case.</summary>
internal sealed class NoteRow
{
    private const string Formatted = "@OData.Community.Display.V1.FormattedValue";

    [JsonPropertyName("annotationid")]
    public Guid AnnotationId { get; set; }

    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("notetext")]
    public string? NoteText { get; set; }

    [JsonPropertyName("_objectid_value")]
    public Guid? CaseId { get; set; }

    [JsonPropertyName("createdon")]
    public DateTimeOffset? CreatedOn { get; set; }

    [JsonPropertyName("modifiedon")]
    public DateTimeOffset? ModifiedOn { get; set; }

    [JsonPropertyName("_createdby_value")]
    public Guid? CreatedBy { get; set; }

    [JsonPropertyName("_createdby_value" + Formatted)]
    public string? CreatedByName { get; set; }
}
