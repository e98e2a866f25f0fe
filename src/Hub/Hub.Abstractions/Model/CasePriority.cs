namespace Hub.Abstractions.Model;

/// <summary>Canonical urgency of a complaint; each system's own priorities map onto these.</summary>
public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}
