namespace Hub.Abstractions.Model;

/// <summary>The hub's own words for where a complaint stands, whatever each system calls it.</summary>
public enum CaseStatus
{
    New,
    Accepted,
    Scheduled,
    InProgress,
    Waiting,
    Resolved,
    Closed,
    Cancelled,
}
