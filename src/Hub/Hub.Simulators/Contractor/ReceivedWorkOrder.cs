using MimeKit;

namespace Hub.Simulators.Contractor;

/// <summary>A work order the simulated contractor found in the outbox, when it saw it, and how many answers it has sent.</summary>
internal sealed class ReceivedWorkOrder(MimeMessage order, DateTimeOffset seenAt)
{
    public MimeMessage Order { get; } = order;
    public DateTimeOffset SeenAt { get; } = seenAt;
    public int AnswersSent { get; set; }
}
