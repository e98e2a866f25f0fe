using Hub.Abstractions.Model;

namespace Hub.Engine.Journey;

/// <summary>
/// One milestone as it happened: which, whose step it is (<see cref="Party"/>, the system), and what its sentence needs:
/// the appointment, or the role waited for and when it was expected. <see cref="NoteFor"/> names the system whose case
/// gets an internal note that it needs action (the building manager's), when the milestone asks for one.
/// </summary>
public sealed record MilestoneStep(Milestone Milestone, string Party)
{
    public AppointmentWindow? Appointment { get; init; }

    /// <summary>The role of the chain the reporter is waiting for ("contractor").</summary>
    public string? Role { get; init; }

    public DateTimeOffset? ExpectedBy { get; init; }

    public string? NoteFor { get; init; }
}
