using System.Text.Json.Serialization;

namespace Hub.Engine.Journey;

/// <summary>
/// One complaint's journey as the chain page answers it at the top: where it is now, what is expected next, the
/// milestones so far, the time each party held it, and each system's own status name. Read from the journal, the
/// links and the mappings (<see cref="JourneyReader"/>); the hub never stores it.
/// </summary>
public sealed record JourneyView(
    string CaseId,
    string? Title,
    string OriginSystem,
    string? OriginNumber,
    JourneyPlace? Now,
    JourneyNextStep? Next,
    IReadOnlyList<JourneyStep> Milestones,
    IReadOnlyList<JourneyStay> Stays,
    IReadOnlyList<JourneySystemStatus> Systems)
{
    /// <summary>True when the complaint is done or cancelled (and not reopened since).</summary>
    public bool IsFinished => Now?.IsFinished ?? false;
}

/// <summary>
/// Who has the complaint: the organisation's role and system, its record there, the contractor's name when the
/// party is a contractor, the last person that system's changes came from, and since when. When the complaint is
/// finished, the party that finished it, <see cref="Since"/> being the moment it did.
/// </summary>
public sealed record JourneyPlace(
    string Role, string System, string? Number, string? Party, string? Person, DateTimeOffset Since, bool IsFinished);

/// <summary>What the chain waits for now, who is to do it, and when it is due when that is known (an appointment's window).</summary>
public sealed record JourneyNextStep(string Text, string Role, DateTimeOffset? ExpectedFrom, DateTimeOffset? ExpectedUntil);

/// <summary>
/// One milestone on the timeline: what happened, when, at which party. <see cref="ReporterToldAt"/> is when the
/// milestone reached the origin ticket for the reporter (a <c>Milestone</c> journal entry), null until it has.
/// </summary>
public sealed record JourneyStep(
    [property: JsonConverter(typeof(JsonStringEnumConverter<Milestone>))] Milestone Milestone,
    DateTimeOffset At,
    string Role,
    string System,
    DateTimeOffset? AppointmentStart,
    DateTimeOffset? AppointmentEnd,
    DateTimeOffset? ReporterToldAt);

/// <summary>How long one party held the complaint (to now while it is current).</summary>
public sealed record JourneyStay(
    string Role, string System, string? Number, string? Party, DateTimeOffset From, DateTimeOffset? Until, long HeldSeconds, bool IsCurrent);

/// <summary>
/// One system's record and its status in that system's own words: the last status value the hub wrote there or saw
/// there, and its name from the value maps (TOPdesk "Ingepland", Dynamics "In Progress" for statuscode 1).
/// </summary>
public sealed record JourneySystemStatus(
    string System, string Role, string? Number, string? StatusValue, string? StatusName, DateTimeOffset? At);
