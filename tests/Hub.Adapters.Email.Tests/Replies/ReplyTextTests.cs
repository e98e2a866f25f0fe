using System.Text;
using Hub.Adapters.Email.Replies;
using MimeKit;

namespace Hub.Adapters.Email.Tests.Replies;

/// <summary>The text a reply keeps: the contractor's own words, plain, bounded.</summary>
public sealed class ReplyTextTests
{
    [Fact]
    public void The_plain_part_is_preferred_over_the_HTML_part()
    {
        var message = ReplyMessages.Plain("unused", m => m.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = "Akkoord" },
            new TextPart("html") { Text = "<p>Gereed</p>" },
        });

        var reply = ReplyMessages.Reader().Read(message, "nl");

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.Equal("Akkoord", reply.Text);
    }

    [Fact]
    public void A_plain_text_attachment_is_not_taken_for_the_answer()
    {
        var message = ReplyMessages.Plain("unused", m =>
        {
            var body = new BodyBuilder { HtmlBody = "<p>Zie bijlage, <i>akkoord</i>.</p>" };
            body.Attachments.Add("werkbon.txt", Encoding.UTF8.GetBytes("Status: gereed"), new ContentType("text", "plain"));
            m.Body = body.ToMessageBody();
        });

        var reply = ReplyMessages.Reader().Read(message, "nl");

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.Equal("Zie bijlage, akkoord.", reply.Text);
    }

    [Fact]
    public void HTML_table_cells_become_lines_of_their_own()
    {
        var message = ReplyMessages.Plain("unused", m => m.Body = new TextPart("html")
        {
            Text = "<table><tr><td>Status</td><td>gereed</td></tr><tr><td>Monteur</td><td>Jan</td></tr></table>",
        });

        var reply = ReplyMessages.Reader().Read(message, "nl");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Status\ngereed\nMonteur\nJan", reply.Text);
    }

    [Fact]
    public void Quoted_lines_between_answers_are_dropped_and_the_answers_kept()
    {
        var reply = Read("> Kunt u dinsdag?\nJa, akkoord.\n> En de sleutel?\nLigt bij de receptie.");

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.Equal("Ja, akkoord.\nLigt bij de receptie.", reply.Text);
    }

    [Theory]
    [InlineData("Gereed\n\nSent from my iPhone\n\n> On 23 Nov 2026, at 09:12, Service desk <servicedesk@hub.example> wrote:\n> niet gereed")]
    [InlineData("Gereed\n\nVerzonden vanaf mijn iPhone\n\n> Op 23 nov. 2026 om 09:12 heeft Servicedesk <servicedesk@hub.example> het volgende geschreven:\n> niet gereed")]
    [InlineData("Gereed\n\n---------- Forwarded message ---------\nFrom: Service desk <servicedesk@hub.example>\nDate: Mon, Nov 23, 2026\n\nniet gereed")]
    [InlineData("Gereed\n\n________________________________\nVan: Servicedesk <servicedesk@hub.example>\nniet gereed")]
    [InlineData("Gereed\n\nOp 23-11-2026 09:12 schreef Servicedesk:\nniet gereed")]
    [InlineData("Gereed\n-- \nniet gereed")]
    [InlineData("Gereed\n\nFrom: Service desk <servicedesk@hub.example>\nSent: Monday, November 23, 2026 9:12 AM\nTo: John Smith\nSubject: Work order\n\nniet gereed")]
    [InlineData("Gereed\n\n*Van:* Servicedesk <servicedesk@hub.example>\n*Verzonden:* maandag 23 november 2026 09:12\n\nniet gereed")]
    public void Everything_below_a_device_line_forward_separator_attribution_or_signature_is_dropped(string body)
    {
        var reply = Read(body);

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Gereed", reply.Text);
    }

    [Theory]
    [InlineData("On Mon, Nov 23, 2026 at 9:12 AM Service desk <servicedesk@hub.example> wrote:\n> Reply done when finished\n\nAkkoord")]
    [InlineData("Op ma 23 nov 2026 om 09:12 schreef Servicedesk <\nservicedesk@hub.example>:\n> Antwoord gereed als het klaar is\n\nAkkoord")]
    public void An_answer_written_below_the_quote_is_kept(string body)
    {
        var reply = Read(body);

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.Equal("Akkoord", reply.Text);
    }

    [Fact]
    public void A_From_line_in_the_contractors_own_words_is_kept_when_no_header_block_follows()
    {
        var reply = Read("Klaar.\nVan: het magazijn komt morgen de rest.\nGroet");

        Assert.Equal("Klaar.\nVan: het magazijn komt morgen de rest.", reply.Text);
    }

    [Theory]
    [InlineData("gepland do 03-12 08:00-11:00\n\nMet vriendelijke groet,\nJan de Vries\nLoodgietersbedrijf De Vries\n06-12345678")]
    [InlineData("Beste Hub,\n\ngepland do 03-12 08:00-11:00\n\nVriendelijke groeten, Jan de Vries")]
    [InlineData("Goedemorgen!\ngepland do 03-12 08:00-11:00\nMvg\nJan")]
    [InlineData("gepland do 03-12 08:00-11:00\nGroeten 🙂\nJan 🔧")]
    [InlineData("gepland do 03-12 08:00-11:00\n-- \nJan de Vries | Loodgietersbedrijf De Vries")]
    [InlineData("gepland do 03-12 08:00-11:00\n\n\u200fمع تحياتي\n\u200fيان دي فريس")]
    public void A_Dutch_greeting_and_signature_are_not_the_contractors_news(string body)
    {
        var reply = Read(body);

        Assert.Equal(ContractorReplyKind.Scheduled, reply.Kind);
        Assert.Equal("gepland do 03-12 08:00-11:00", reply.Text);
    }

    [Theory]
    [InlineData("Hello,\n\nDone. The problem has been fixed.\n\nKind regards,\nJohn Smith\nSmith Plumbing Ltd")]
    [InlineData("Hi team,\nDone. The problem has been fixed.\nBest regards, John Smith")]
    [InlineData("Dear Sir or Madam,\nDone. The problem has been fixed.\n\nYours sincerely,\nJohn Smith")]
    [InlineData("Done. The problem has been fixed.\n\u200eRegards \U0001F44D\nJohn")]
    [InlineData("Done. The problem has been fixed.\n\nBest,\nJohn Smith\nSmith Plumbing Ltd")]
    [InlineData("Hi,\nDone. The problem has been fixed.\nBest \U0001F642\nJohn")]
    public void An_English_greeting_and_signature_are_not_the_contractors_news(string body)
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Plain(body), "en");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Done. The problem has been fixed.", reply.Text);
    }

    [Theory]
    [InlineData("Hallo, akkoord", "Hallo, akkoord")]
    [InlineData("Groeten aan de receptie: de sleutel ligt klaar bij de balie.", "Groeten aan de receptie: de sleutel ligt klaar bij de balie.")]
    [InlineData("Akkoord. שלום לכולם, מגיעים מחר 🙂", "Akkoord. שלום לכולם, מגיעים מחר 🙂")]
    [InlineData("Beste,\nGreetings from the roof", "Greetings from the roof")]
    [InlineData("Best,\nDone: the tap is fixed.", "Best,\nDone: the tap is fixed.")]
    [InlineData("Done.\nBest to replace the tap next year.", "Done.\nBest to replace the tap next year.")]
    public void Words_that_only_look_like_a_greeting_or_sign_off_are_kept(string body, string expected) =>
        Assert.Equal(expected, Read(body).Text);

    [Fact]
    public void An_oversized_reply_is_cut_with_a_marker()
    {
        var body = "Klaar. " + string.Concat(Enumerable.Repeat("De monteur heeft alles nagelopen en getest. ", 500));

        var reply = Read(body);

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.EndsWith("\n" + ContractorReplyReader.TruncationMarker, reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text.Length <= ContractorReplyReader.MaxTextLength + ContractorReplyReader.TruncationMarker.Length + 1, $"length {reply.Text.Length}");
        Assert.StartsWith("Klaar. De monteur", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HTML_nested_as_deep_as_real_mail_is_read()
    {
        var reply = ReplyMessages.Reader().Read(NestedHtml(200, "<b>Klaar</b>"), "nl");

        Assert.Equal(ContractorReplyKind.Done, reply.Kind);
        Assert.Equal("Klaar", reply.Text);
    }

    [Fact]
    public void HTML_nested_deeper_than_any_mail_client_writes_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReplyMessages.Reader().Read(NestedHtml(20_000, "<b>Klaar</b>"), "nl"));

        Assert.Contains("nests more than 500 elements deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_reply_is_an_empty_comment()
    {
        var reply = Read(string.Empty);

        Assert.Equal(ContractorReplyKind.Comment, reply.Kind);
        Assert.Equal(string.Empty, reply.Text);
    }

    private static MimeMessage NestedHtml(int depth, string content)
    {
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + content + string.Concat(Enumerable.Repeat("</div>", depth));
        return ReplyMessages.Plain("unused", m => m.Body = new TextPart("html") { Text = html });
    }

    private static ContractorReply Read(string body) => ReplyMessages.Reader().Read(ReplyMessages.Plain(body), "nl");
}
