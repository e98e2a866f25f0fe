namespace Hub.Engine.Journey;

/// <summary>
/// A step of a complaint's journey as the person who reported it reads it. Each milestone reaches the origin ticket
/// once, as a caller-visible entry worded from the mappings' milestone templates, and is journaled with kind
/// <see cref="Sync.HubEvent.Milestone"/> (Detail = the milestone's name, TargetSystem/TargetRecord = the origin ticket).
/// The chain page's timeline shows the same steps, derived from the journal.
/// </summary>
public enum Milestone
{
    /// <summary>The complaint went to the building manager.</summary>
    Forwarded,

    /// <summary>A work order was sent to the contractor.</summary>
    WorkOrderSent,

    /// <summary>The contractor accepted the work order.</summary>
    Accepted,

    /// <summary>An appointment is set (or moved).</summary>
    Appointment,

    /// <summary>The work is delayed, e.g. waiting for parts.</summary>
    Delayed,

    /// <summary>The work is done.</summary>
    Done,

    /// <summary>The contractor refused the order: someone else is being found.</summary>
    Refused,

    /// <summary>The complaint was cancelled.</summary>
    Cancelled,

    /// <summary>A step takes longer than its route expects: "still waiting for …, expected by …".</summary>
    StillWaiting,
}
