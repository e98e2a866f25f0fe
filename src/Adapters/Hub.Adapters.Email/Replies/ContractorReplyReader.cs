using System.Text;
using Hub.Abstractions.Mapping;
using MimeKit;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// Reads a contractor's e-mail answer: the contractor's own words (quotes, signatures and forwarded orders
/// stripped, HTML made plain text) and what they mean by the reply phrases of the contractor's language:
/// an appointment (date and time window, in the contractor's time zone), refused, done, delayed, accepted, or a comment.
/// Automatic replies are recognised and change nothing.
/// </summary>
internal sealed class ContractorReplyReader
{
    public const string DefaultTimeZoneId = "Europe/Amsterdam";

    /// <summary>Ends a reply text cut at <see cref="MaxTextLength"/> characters.</summary>
    public const string TruncationMarker = ContractorOwnWords.TruncationMarker;

    public const int MaxTextLength = ContractorOwnWords.MaxLength;

    private readonly Dictionary<string, ReplyVocabulary> vocabularies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReplyVocabulary fallback;
    private readonly TimeProvider timeProvider;
    private readonly TimeZoneInfo zone;
    private readonly AppointmentReader appointments;

    /// <param name="phrases">
    /// The reply phrases from the mappings. A language they lack reads with the built-in Dutch or English set; a set
    /// without weekday or month names borrows the built-in names of its language.
    /// </param>
    /// <param name="timeProvider">The clock: a date without a year, "morgen" or "tomorrow" count from today.</param>
    /// <param name="contractorZone">The contractor's local time zone; null for <see cref="DefaultTimeZoneId"/>.</param>
    public ContractorReplyReader(IReadOnlyList<ReplyPhrases> phrases, TimeProvider timeProvider, TimeZoneInfo? contractorZone = null)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(timeProvider);

        // Windows-1252 and other legacy charsets that mail clients still send live in the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        foreach (var set in phrases.Select(DefaultReplyPhrases.FillNames).Concat(DefaultReplyPhrases.All))
        {
            var vocabulary = ReplyVocabulary.From(set);
            vocabularies.TryAdd(vocabulary.Language, vocabulary);
        }

        fallback = vocabularies[(phrases.Count > 0 ? phrases[0] : DefaultReplyPhrases.Dutch).Language];
        this.timeProvider = timeProvider;
        zone = contractorZone ?? TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);
        appointments = new AppointmentReader(zone);
    }

    /// <param name="message">The reply as received.</param>
    /// <param name="language">The contractor's language ("nl", "en", "nl-NL"); an unknown one reads with the first configured set.</param>
    /// <exception cref="InvalidDataException">
    /// The reply cannot be read safely (HTML nested deeper than any mail client writes); quarantine it.
    /// </exception>
    public ContractorReply Read(MimeMessage message, string language)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = ContractorOwnWords.Of(ReplyBodyText.Of(message));
        if (AutoReplySigns.Show(message))
        {
            return new ContractorReply(ContractorReplyKind.AutoReply, text, null);
        }

        var vocabulary = VocabularyFor(language);
        var normalized = ReplyWords.Normalize(text);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone).DateTime);
        var appointment = appointments.Read(normalized, vocabulary, today);
        var clauses = ReplyClauses.Of(normalized);
        var kind = appointment.Outcome switch
        {
            AppointmentOutcome.Found => ContractorReplyKind.Scheduled,
            AppointmentOutcome.Unreadable => ContractorReplyKind.Comment,
            _ when clauses.ContainsAffirmed(vocabulary.Refused) => ContractorReplyKind.Refused,
            _ when clauses.ContainsAffirmed(vocabulary.Done) => ContractorReplyKind.Done,
            _ when clauses.ContainsAffirmed(vocabulary.Delayed) => ContractorReplyKind.Delayed,
            _ when clauses.ContainsAffirmed(vocabulary.Scheduled) && vocabulary.DateOnly.IsMatch(normalized) => ContractorReplyKind.Comment,
            _ when clauses.ContainsAffirmed(vocabulary.Accepted) => ContractorReplyKind.Accepted,
            _ => ContractorReplyKind.Comment,
        };
        return new ContractorReply(kind, text, appointment.Window);
    }

    private ReplyVocabulary VocabularyFor(string language)
    {
        var code = language?.Trim() ?? string.Empty;
        if (vocabularies.TryGetValue(code, out var exact))
        {
            return exact;
        }

        var primary = code.Split('-', '_')[0];
        return vocabularies.TryGetValue(primary, out var general) ? general : fallback;
    }
}
