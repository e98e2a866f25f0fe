using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// A contractor's answer, read: what it means, the appointment when it sets one, and the contractor's own
/// words with quoted text and signature stripped (plain text, never markup).
/// </summary>
internal sealed record ContractorReply(ContractorReplyKind Kind, string Text, AppointmentWindow? Appointment);
