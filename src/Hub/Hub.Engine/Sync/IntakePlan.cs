using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// What one observed change would do, planned by the intake's own code on a unit of work that is never saved
/// (<see cref="ChangeIntake.PlanAsync"/>): the outcome, the intents each other system would get, the journal lines it
/// would write, why it would be parked, and the case it belongs to (a new case's id is the one it would get).
/// </summary>
public sealed record IntakePlan(
    IntakeResult Result,
    IReadOnlyList<OutboxIntent> Intents,
    IReadOnlyList<JournalEntry> Journal,
    string? ParkedBecause,
    string? CaseId);
