using MimeKit;
using MimeKit.Utils;

namespace Hub.Adapters.Email.Tests.Support;

/// <summary>Replies as a contractor's mail program writes them, answering a work order the hub sent.</summary>
internal static class ContractorMail
{
    public static MimeMessage ReplyTo(MimeMessage order, string from, string text, bool threaded = true)
    {
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.AddRange(order.ReplyTo.Count > 0 ? order.ReplyTo : order.From);
        reply.Subject = "Re: " + order.Subject;
        reply.MessageId = MimeUtils.GenerateMessageId(MailboxAddress.Parse(from).Domain);
        if (threaded)
        {
            reply.InReplyTo = order.MessageId;
            reply.References.Add(order.MessageId!);
        }

        reply.Date = TimeProvider.System.GetUtcNow();
        reply.Body = new TextPart("plain")
        {
            Text = $"{text}\n\nMet vriendelijke groet,\nJan de Vries\n\nOp 22 nov. 2026 schreef hub:\n> {order.TextBody?.Split('\n')[0]}\n",
        };
        return reply;
    }
}
