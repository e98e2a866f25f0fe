using Hub.Adapters.Email.Replies;
using Hub.Abstractions.Mapping;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.Email.Tests.Replies;

/// <summary>What a reply means by the phrases of the contractor's language: whole words, any case, any accents, negations respected.</summary>
public sealed class PhraseReplyTests
{
    [Theory]
    [InlineData("nl", "Akkoord")]
    [InlineData("nl", "AKKOORD!")]
    [InlineData("nl", "Wij gaan akkoord met de opdracht.")]
    [InlineData("nl", "Opdracht aangenomen, we bellen de beheerder.")]
    [InlineData("nl", "akk\u00f3\u00f3rd")]
    [InlineData("en", "Accepted")]
    [InlineData("en", "We accept the job.")]
    [InlineData("en", "Agreed, thanks.")]
    [InlineData("en-GB", "accepted")]
    public void An_acceptance_phrase_means_accepted(string language, string body) =>
        Assert.Equal(ContractorReplyKind.Accepted, Read(body, language).Kind);

    [Theory]
    [InlineData("nl", "Gereed")]
    [InlineData("nl", "Klaar.")]
    [InlineData("nl", "Opgelost, de lamp brandt weer.")]
    [InlineData("nl", "Het werk is afgerond.")]
    [InlineData("nl", "Storing verholpen")]
    [InlineData("nl", "Nee, het is klaar.")]
    [InlineData("en", "Done")]
    [InlineData("en", "Job completed this morning.")]
    [InlineData("en", "Resolved!")]
    [InlineData("nl", "Klaar, volgens afspraak op 24-11 uitgevoerd.")]
    [InlineData("en", "No problem, done.")]
    public void A_done_phrase_means_done(string language, string body) =>
        Assert.Equal(ContractorReplyKind.Done, Read(body, language).Kind);

    [Theory]
    [InlineData("nl", "niet klaar")]
    [InlineData("nl", "Nog niet gereed, onderdeel is besteld.")]
    [InlineData("nl", "Het is nog niet helemaal klaar")]
    [InlineData("nl", "Niet akkoord, dit is geen dakwerk.")]
    [InlineData("nl", "Hier gaan we niet mee akkoord")]
    [InlineData("en", "not done")]
    [InlineData("en", "It isn't finished.")]
    [InlineData("en", "Not yet done")]
    [InlineData("en", "Not accepted")]
    public void A_negated_phrase_is_a_comment(string language, string body) =>
        Assert.Equal(ContractorReplyKind.Comment, Read(body, language).Kind);

    [Theory]
    [InlineData("nl", "Helaas, deze opdracht kunnen wij niet aannemen.")]
    [InlineData("nl", "Opdracht geweigerd: geen capaciteit deze maand.")]
    [InlineData("en", "Sorry, we decline this order.")]
    [InlineData("en", "We are unable to take this job, no capacity.")]
    [InlineData("en", "We cannot accept this job.")]
    [InlineData("en", "Sorry, we can't accept this one.")]
    [InlineData("nl", "Deze klus kunnen we niet accepteren.")]
    public void A_refusal_phrase_means_refused(string language, string body) =>
        Assert.Equal(ContractorReplyKind.Refused, Read(body, language).Kind);

    [Theory]
    [InlineData("nl", "Nog niet klaar, we wachten op onderdelen.")]
    [InlineData("nl", "Het werk loopt vertraging op.")]
    [InlineData("en", "Not done yet, waiting for parts.")]
    [InlineData("en", "Delayed: parts on order.")]
    public void A_delay_phrase_means_delayed(string language, string body) =>
        Assert.Equal(ContractorReplyKind.Delayed, Read(body, language).Kind);

    [Theory]
    [InlineData("nl", "Akkoord, we komen zonder vertraging.")]
    [InlineData("en", "Accepted, no delay expected.")]
    public void A_word_near_a_delay_or_refusal_is_not_one(string language, string body) =>
        Assert.Equal(ContractorReplyKind.Accepted, Read(body, language).Kind);

    [Fact]
    public void An_acceptance_stands_beside_a_negated_done()
    {
        Assert.Equal(ContractorReplyKind.Accepted, Read("Akkoord, maar nog niet klaar.", "nl").Kind);
    }

    [Theory]
    [InlineData("nl", "Het gereedschap is besteld.")]
    [InlineData("nl", "We komen de steiger klaarzetten.")]
    [InlineData("en", "Some undone work remains.")]
    [InlineData("en", "Unaccepted invoices are returned.")]
    [InlineData("nl", "Kunt u de sleutel bij de receptie leggen?")]
    public void A_phrase_inside_another_word_is_not_a_match(string language, string body) =>
        Assert.Equal(ContractorReplyKind.Comment, Read(body, language).Kind);

    [Theory]
    [InlineData("Klaar", "en", nameof(ContractorReplyKind.Comment))]
    [InlineData("Done", "nl", nameof(ContractorReplyKind.Comment))]
    [InlineData("Klaar", "NL-nl", nameof(ContractorReplyKind.Done))]
    [InlineData("Klaar", "fr", nameof(ContractorReplyKind.Done))]
    public void Phrases_are_read_in_the_contractors_language_with_the_first_set_for_an_unknown_one(string body, string language, string expected) =>
        Assert.Equal(Enum.Parse<ContractorReplyKind>(expected), Read(body, language).Kind);

    [Fact]
    public void Phrases_from_the_mappings_replace_the_defaults_for_their_language_borrow_its_names_and_ignore_accents()
    {
        var mapped = new ReplyPhrases { Language = "nl", Done = ["afgehandeld", "ge\u00efnstalleerd"], Accepted = ["we doen het"] };
        var reader = new ContractorReplyReader([mapped], new FakeTimeProvider(ReplyMessages.MondayMorning), ReplyMessages.Amsterdam);

        Assert.Equal(ContractorReplyKind.Done, reader.Read(ReplyMessages.Plain("Melding afgehandeld."), "nl").Kind);
        Assert.Equal(ContractorReplyKind.Done, reader.Read(ReplyMessages.Plain("Nieuwe pomp GEINSTALLEERD"), "nl").Kind);
        Assert.Equal(ContractorReplyKind.Accepted, reader.Read(ReplyMessages.Plain("Prima, we doen het."), "nl").Kind);
        Assert.Equal(ContractorReplyKind.Comment, reader.Read(ReplyMessages.Plain("Klaar"), "nl").Kind);
        Assert.Equal(ContractorReplyKind.Done, reader.Read(ReplyMessages.Plain("Done"), "en").Kind);
        Assert.Equal(ContractorReplyKind.Scheduled, reader.Read(ReplyMessages.Plain("dinsdag 24 november tussen 8 en 11"), "nl").Kind);
    }

    [Theory]
    [InlineData(6, 12, "Weekdays must list 7 days, Monday first (found 6)")]
    [InlineData(7, 11, "Months must list 12 months, January first (found 11)")]
    public void Phrases_with_a_wrong_number_of_weekdays_or_months_are_refused_with_a_clear_message(int weekdays, int months, string expected)
    {
        var broken = DefaultReplyPhrases.English with
        {
            Language = "de",
            Weekdays = DefaultReplyPhrases.English.Weekdays.Take(weekdays).ToList(),
            Months = DefaultReplyPhrases.English.Months.Take(months).ToList(),
        };

        var error = Assert.Throws<ArgumentException>(() => new ContractorReplyReader([broken], TimeProvider.System, ReplyMessages.Amsterdam));

        Assert.Contains("'de'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_without_any_phrase_is_a_comment_with_its_text()
    {
        var reply = Read("Kunt u mij het telefoonnummer van de beheerder sturen?", "nl");

        Assert.Equal(ContractorReplyKind.Comment, reply.Kind);
        Assert.Equal("Kunt u mij het telefoonnummer van de beheerder sturen?", reply.Text);
        Assert.Null(reply.Appointment);
    }

    private static ContractorReply Read(string body, string language) =>
        ReplyMessages.Reader().Read(ReplyMessages.Plain(body), language);
}
