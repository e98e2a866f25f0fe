using System.Globalization;
using MimeKit;
using MimeKit.Utils;

namespace Hub.Simulators.Contractor;

/// <summary>
/// A reply as a contractor's mail program writes it: from the address the order went to, "Re:" subject,
/// In-Reply-To and References to the order, the answer on top, a signature, and the order quoted below.
/// </summary>
public static class ContractorReplyMail
{
    public static MimeMessage Build(MimeMessage order, string answer, string signature, DateTimeOffset now, string language = "nl")
    {
        var contractor = order.To.Mailboxes.First();
        var orderId = order.MessageId ?? throw new ArgumentException("a work order without a Message-ID cannot be answered", nameof(order));
        var subject = order.Subject ?? string.Empty;
        var reply = new MimeMessage();
        reply.From.Add(contractor);
        reply.To.AddRange(order.ReplyTo.Count > 0 ? order.ReplyTo : order.From);
        reply.Subject = subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
        reply.MessageId = MimeUtils.GenerateMessageId(contractor.Domain);
        reply.InReplyTo = orderId;
        foreach (var reference in order.References)
        {
            reply.References.Add(reference);
        }

        reply.References.Add(orderId);
        reply.Date = now;
        reply.Body = new TextPart("plain") { Text = Text(order, answer, signature, language) };
        return reply;
    }

    private static string Text(MimeMessage order, string answer, string signature, string language)
    {
        var quoted = string.Join("\n", (order.TextBody ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));
        var from = order.From.Mailboxes.FirstOrDefault()?.Address;
        if (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
        {
            var on = order.Date.ToString("ddd, d MMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
            return $"Hello,\n\n{answer}\n\nKind regards,\n{signature}\n\nOn {on}, {from} wrote:\n{quoted}\n";
        }

        var when = order.Date.ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL"));
        return $"{answer}\n\nMet vriendelijke groet,\n{signature}\n\nOp {when} schreef {from}:\n{quoted}\n";
    }
}
