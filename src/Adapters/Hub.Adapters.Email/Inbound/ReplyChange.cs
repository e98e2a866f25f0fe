using Hub.Adapters.Email.Replies;
using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Inbound;

/// <summary>
/// A read contractor reply in the hub's words: accepted and other words become CommentAdded, an appointment
/// AppointmentSet with the window, done Resolved, refused and delayed StatusChanged; the status the contractor reported
/// is in RawValues["status"] ("accepted", "scheduled", "done", "refused", "delayed") for the value maps, and the contractor's words are the comment.
/// </summary>
internal static class ReplyChange
{
    public const string Accepted = "accepted";
    public const string Scheduled = "scheduled";
    public const string Done = "done";
    public const string Refused = "refused";
    public const string Delayed = "delayed";

    public static ObservedChange From(ContractorReply reply, WorkOrder order, string messageId, string sender, string? senderName, DateTimeOffset at)
    {
        var (kind, status) = reply.Kind switch
        {
            ContractorReplyKind.Accepted => (ChangeKind.CommentAdded, Accepted),
            ContractorReplyKind.Scheduled when reply.Appointment is not null => (ChangeKind.AppointmentSet, Scheduled),
            ContractorReplyKind.Done => (ChangeKind.Resolved, Done),
            ContractorReplyKind.Refused => (ChangeKind.StatusChanged, Refused),
            ContractorReplyKind.Delayed => (ChangeKind.StatusChanged, Delayed),
            _ => (ChangeKind.CommentAdded, (string?)null),
        };
        var fields = kind switch
        {
            ChangeKind.AppointmentSet => new CaseFields { Appointment = reply.Appointment },
            ChangeKind.Resolved => new CaseFields { Resolution = reply.Text },
            _ => CaseFields.Empty,
        };
        return new ObservedChange
        {
            ExternalId = order.Token,
            ExternalNumber = order.Token,
            Version = messageId,
            Kind = kind,
            OccurredAt = at,
            Fields = fields,
            RawValues = status is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [MappedField.Status] = status },
            Comment = new CaseComment(reply.Text, IsPublic: false, Author: string.IsNullOrWhiteSpace(senderName) ? sender : senderName),
            CorrelationKey = order.CorrelationKey,
            WrittenByHub = false,
            Actor = sender,
        };
    }
}
