using Hub.Adapters.Email.Replies;
using MimeKit;

namespace Hub.Adapters.Email.Tests.Replies;

/// <summary>Mail no person wrote changes nothing, whatever its text says.</summary>
public sealed class AutoReplyTests
{
    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("Auto-Submitted", "auto-replied; owner-email=\"piet@jansen-installatie.nl\"")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "Vacation")]
    [InlineData("Precedence", "auto_reply")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "junk")]
    [InlineData("X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent")]
    public void A_reply_with_an_automatic_header_is_an_auto_reply(string header, string value)
    {
        var message = ReplyMessages.Plain("Klaar", m => m.Headers.Add(header, value));

        Assert.Equal(ContractorReplyKind.AutoReply, ReplyMessages.Reader().Read(message, "nl").Kind);
    }

    [Theory]
    [InlineData("Automatisch antwoord: [WO-7K3QX9PM] Werkbon")]
    [InlineData("Automatic reply: [WO-7K3QX9PM] Work order")]
    [InlineData("Out of Office: RE: [WO-7K3QX9PM] Work order")]
    public void A_reply_with_an_out_of_office_subject_is_an_auto_reply(string subject)
    {
        var message = ReplyMessages.Plain("Klaar", m => m.Subject = subject);

        Assert.Equal(ContractorReplyKind.AutoReply, ReplyMessages.Reader().Read(message, "nl").Kind);
    }

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Precedence", "list")]
    [InlineData("X-Auto-Response-Suppress", "All")]
    public void A_person_written_reply_with_a_harmless_header_is_read(string header, string value)
    {
        var message = ReplyMessages.Plain("Klaar", m => m.Headers.Add(header, value));

        Assert.Equal(ContractorReplyKind.Done, ReplyMessages.Reader().Read(message, "nl").Kind);
    }

    [Fact]
    public void A_delivery_report_is_an_auto_reply()
    {
        var message = ReplyMessages.Plain("unused", m =>
        {
            m.Subject = "Undelivered Mail Returned to Sender";
            var report = new MultipartReport("delivery-status")
            {
                new TextPart("plain") { Text = "This is the mail system at host mx.hub.example. Your message could not be delivered: done." },
                new MessageDeliveryStatus(),
            };
            m.Body = report;
        });

        var reply = ReplyMessages.Reader().Read(message, "en");

        Assert.Equal(ContractorReplyKind.AutoReply, reply.Kind);
        Assert.StartsWith("This is the mail system", reply.Text, StringComparison.Ordinal);
    }
}
