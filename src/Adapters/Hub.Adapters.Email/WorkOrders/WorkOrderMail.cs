using MimeKit;
using MimeKit.Utils;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// Puts rendered words into a MIME mail about one work order: from the hub, Reply-To the hub's mailbox, to the
/// contractor, with the order's headers, threaded under the original order when it is a follow-up.
/// </summary>
internal sealed class WorkOrderMail(MailboxAddress from, MailboxAddress replyTo, TimeProvider time)
{
    public const string CorrelationHeader = "X-Hub-Correlation";
    public const string WorkOrderHeader = "X-Hub-Work-Order";
    public const string MailKindHeader = "X-Hub-Mail-Kind";

    public string NewMessageId() => MimeUtils.GenerateMessageId(from.Domain);

    public string MessageIdFor(WorkOrder order, string commandKey) => MailAboutOrder.MessageIdFor(order, commandKey, from.Domain);

    public MimeMessage Build(WorkOrder order, RenderedMail words, string messageId, string kind)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.ReplyTo.Add(replyTo);
        message.To.Add(MailboxAddress.Parse(order.To));
        message.Subject = words.Subject;
        message.MessageId = messageId;
        message.Date = time.GetUtcNow();
        message.Headers.Add(CorrelationHeader, TemplateText.SingleLine(order.CorrelationKey));
        message.Headers.Add(WorkOrderHeader, order.Token);
        message.Headers.Add(MailKindHeader, kind);
        // RFC 3834: tells the contractor's out-of-office not to answer, and marks the mail as sent by a system.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (messageId != order.MessageId)
        {
            message.InReplyTo = order.MessageId;
            message.References.Add(order.MessageId);
        }

        message.Body = new BodyBuilder { TextBody = words.PlainBody, HtmlBody = words.HtmlBody }.ToMessageBody();
        return message;
    }
}
