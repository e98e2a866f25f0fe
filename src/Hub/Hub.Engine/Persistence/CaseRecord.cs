namespace Hub.Engine.Persistence;

/// <summary>The hub's own copy of a complaint: the canonical fields as last agreed, with per-field stamps for conflicts.</summary>
public sealed class CaseRecord
{
    /// <summary>Hub id, e.g. "HUB-2026-000042".</summary>
    public required string Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    public string? Priority { get; set; }
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public string? Site { get; set; }
    public string? Building { get; set; }
    public string? Floor { get; set; }
    public string? Room { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterEmail { get; set; }
    public string? ReporterPhone { get; set; }
    public DateTimeOffset? TargetDate { get; set; }
    public DateTimeOffset? AppointmentStart { get; set; }
    public DateTimeOffset? AppointmentEnd { get; set; }
    public string? Resolution { get; set; }

    /// <summary>The system the complaint was first seen in.</summary>
    public required string OriginSystem { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>JSON object: field name → {system, at} of the value in force, for owner and later-wins rules.</summary>
    public string FieldStamps { get; set; } = "{}";
}
