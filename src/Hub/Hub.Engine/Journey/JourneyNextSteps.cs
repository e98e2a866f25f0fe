using Hub.Engine.Audit;

namespace Hub.Engine.Journey;

/// <summary>
/// The step the chain waits for after the last milestone, and who is to take it: forwarding, a work order, the
/// contractor's answer, a visit (due in the appointment's window), the work resumed, another contractor found.
/// Nothing once the complaint is done or cancelled. The visit's window is the appointment milestone's own (it keeps the
/// offset the contractor gave), else the case's.
/// </summary>
public static class JourneyNextSteps
{
    public static JourneyNextStep? After(
        IReadOnlyList<JourneyStep> steps, IReadOnlyList<TraceLink> links, string originSystem, DateTimeOffset? appointmentStart, DateTimeOffset? appointmentEnd)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(links);
        var last = steps.LastOrDefault(s => s.Milestone != Milestone.StillWaiting);
        if (last is null)
        {
            var origin = links.FirstOrDefault(l => Same(l.System, originSystem));
            return new JourneyNextStep("Forward the complaint to the building manager", origin?.Role ?? originSystem, null, null);
        }

        return last.Milestone switch
        {
            Milestone.Forwarded => new JourneyNextStep("Send a work order to a contractor", last.Role, null, null),
            Milestone.WorkOrderSent => new JourneyNextStep("Accept the work order", last.Role, null, null),
            Milestone.Accepted => new JourneyNextStep("Plan a visit", last.Role, null, null),
            Milestone.Appointment => new JourneyNextStep("Visit and do the work", last.Role, last.AppointmentStart ?? appointmentStart, last.AppointmentEnd ?? appointmentEnd),
            Milestone.Delayed => new JourneyNextStep("Resume the work", last.Role, null, null),
            Milestone.Refused => new JourneyNextStep("Find another contractor", UpstreamRole(links, last.System) ?? last.Role, null, null),
            _ => null,
        };
    }

    private static string? UpstreamRole(IReadOnlyList<TraceLink> links, string system) =>
        links.FirstOrDefault(l => Same(l.System, system))?.UpstreamSystem is { } upstream
            ? links.FirstOrDefault(l => Same(l.System, upstream))?.Role ?? upstream
            : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
