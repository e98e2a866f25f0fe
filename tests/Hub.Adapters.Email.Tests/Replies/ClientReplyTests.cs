using Hub.Adapters.Email.Replies;
using MimeKit;

namespace Hub.Adapters.Email.Tests.Replies;

/// <summary>Replies as real mail clients send them: the quoted work order (which names every phrase) never counts.</summary>
public sealed class ClientReplyTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [Fact]
    public void Outlook_reply_in_Dutch_is_accepted_and_the_quoted_order_below_Van_is_dropped()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("outlook-nl-accepted.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.StartsWith("Akkoord, wij pakken dit op.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Akkoord, wij pakken dit op.", reply.Text); // the signature ("Met vriendelijke groet, Piet Jansen, ...") is not news
        Assert.DoesNotContain("Van:", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lekkage", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Appointment);
    }

    [Fact]
    public void Outlook_desktop_HTML_part_alone_reads_the_same_as_its_plain_part()
    {
        var message = ReplyMessages.Fixture("outlook-nl-accepted.eml");
        message.Body = Assert.IsType<MultipartAlternative>(message.Body).OfType<TextPart>().Single(part => part.IsHtml);

        var reply = ReplyMessages.Reader().Read(message, "nl");

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.Equal("Akkoord, wij pakken dit op.", reply.Text);
    }

    [Fact]
    public void Outlook_reply_in_English_below_Original_Message_is_done_and_Windows_1252_is_decoded()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("outlook-en-original-message.eml"), "en");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Completed \u2013 the valve was replaced this morning and the ceiling is dry.", reply.Text);
    }

    [Fact]
    public void Outlook_on_the_web_HTML_only_reply_waiting_for_parts_is_delayed_without_the_quoted_order_or_the_signature()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("outlook-web-nl-html-only.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Delayed, reply.Kind);
        Assert.Equal("Nog niet klaar, we wachten op onderdelen. Verwachte levering volgende week.", reply.Text);
    }

    [Fact]
    public void Gmail_reply_in_Dutch_with_a_wrapped_attribution_schedules_the_next_24_November_in_winter_time()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("gmail-nl-scheduled.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Scheduled, reply.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Winter), reply.Appointment!.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, Winter), reply.Appointment.End);
        Assert.Equal("Gepland di 24-11 08:00-11:00", reply.Text);
    }

    [Fact]
    public void Gmail_reply_in_English_with_a_written_date_and_window_is_scheduled()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("gmail-en-scheduled.eml"), "en");

        Assert.Equal(ContractorReplyKind.Scheduled, reply.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Winter), reply.Appointment!.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, Winter), reply.Appointment.End);
        Assert.DoesNotContain("wrote", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Android_reply_in_base64_stops_at_the_device_line_and_keeps_the_emoji()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("android-nl-base64.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Opgelost \U0001F44D storing aan de cv-ketel verholpen.", reply.Text);
    }

    [Fact]
    public void Thunderbird_flowed_reply_is_joined_again_and_the_signature_after_the_delimiter_is_dropped()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("thunderbird-en-signature.eml"), "en");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("All done, the leak is sealed and the ceiling tiles are replaced.", reply.Text);
    }

    [Fact]
    public void Webmail_reply_in_ISO_8859_1_is_decoded_and_done()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("webmail-nl-iso-8859-1.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Werk is gereed. De radiator in het caf\u00e9 is vervangen en de thermostaat staat weer op 20\u00b0C.", reply.Text);
    }

    [Fact]
    public void Quoted_printable_soft_line_breaks_are_joined_and_the_appointment_sentence_is_read()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("quoted-printable-nl-scheduled.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Scheduled, reply.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Winter), reply.Appointment!.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, Winter), reply.Appointment.End);
        Assert.Contains("komt onze monteur Jo\u00ebl langs om de lekkage te verhelpen.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_HTML_only_reply_yields_plain_text_without_scripts_handlers_or_quoted_blocks()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("html-only-hostile.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Werkzaamheden \u00e9\u00e9n keer uitgevoerd & gereed.\nBekijk foto's", reply.Text);
        foreach (var leak in new[] { "alert", "script", "javascript", "evil", "cookie", "onload", "onerror", "iframe", "noscript", "svg", "Citaat", "background", "opmerking" })
        {
            Assert.DoesNotContain(leak, reply.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Forwarded_order_keeps_only_the_contractors_own_line_above_it()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("gmail-nl-forwarded-order.eml"), "nl");

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.Equal("Doorgestuurd naar onze planner, wij gaan akkoord.", reply.Text);
    }

    [Fact]
    public void Exchange_out_of_office_is_an_auto_reply_even_though_its_text_says_gereed()
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Fixture("exchange-nl-out-of-office.eml"), "nl");

        Assert.Equal(ContractorReplyKind.AutoReply, reply.Kind);
        Assert.StartsWith("Ik ben afwezig tot en met maandag 30 november", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Appointment);
    }
}
