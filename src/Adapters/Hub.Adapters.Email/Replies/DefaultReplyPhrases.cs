using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// The built-in Dutch and English reply phrases, used when the mappings define none for a language. The
/// default mappings carry the same sets. <see cref="ReplyPhrases.Weekdays"/> lists seven entries, Monday
/// first; <see cref="ReplyPhrases.Months"/> twelve, January first; an entry may give abbreviations after a
/// bar ("dinsdag|di"). Phrases match whole words, case- and diacritics-insensitive.
/// </summary>
internal static class DefaultReplyPhrases
{
    public static ReplyPhrases Dutch { get; } = new()
    {
        Language = Languages.Dutch,
        Accepted = ["akkoord", "geaccepteerd", "opdracht aangenomen"],
        Done = ["gereed", "klaar", "opgelost", "afgerond", "verholpen"],
        Scheduled = ["gepland", "ingepland", "afspraak"],
        Refused = ["geweigerd", "weigeren", "kunnen wij niet aannemen", "kunnen we niet aannemen", "kunnen wij niet accepteren", "kunnen we niet accepteren", "nemen wij niet aan", "nemen we niet aan", "geen capaciteit"],
        Delayed = ["loopt vertraging op", "vertraagd", "wachten op onderdelen", "wacht op onderdelen", "onderdelen besteld", "later dan gepland"],
        Weekdays = ["maandag|ma", "dinsdag|di", "woensdag|wo", "donderdag|do", "vrijdag|vr", "zaterdag|za", "zondag|zo"],
        Months =
        [
            "januari|jan", "februari|feb", "maart|mrt|mar", "april|apr", "mei", "juni|jun",
            "juli|jul", "augustus|aug", "september|sept|sep", "oktober|okt", "november|nov", "december|dec",
        ],
    };

    public static ReplyPhrases English { get; } = new()
    {
        Language = Languages.English,
        Accepted = ["accepted", "agreed", "we accept", "i accept"],
        Done = ["done", "completed", "resolved", "finished"],
        Scheduled = ["scheduled", "planned", "appointment"],
        Refused = ["refused", "we decline", "i decline", "we cannot take", "we can't take", "unable to take", "we cannot accept", "we can't accept", "unable to accept", "no capacity"],
        Delayed = ["delayed", "waiting for parts", "parts on order", "parts ordered", "later than planned"],
        Weekdays =
        [
            "monday|mon", "tuesday|tues|tue", "wednesday|wed", "thursday|thurs|thur|thu", "friday|fri",
            "saturday|sat", "sunday|sun",
        ],
        Months =
        [
            "january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun",
            "july|jul", "august|aug", "september|sept|sep", "october|oct", "november|nov", "december|dec",
        ],
    };

    public static IReadOnlyList<ReplyPhrases> All { get; } = [Dutch, English];

    /// <summary>The set, with the built-in weekday and month names of its language where it lists none.</summary>
    public static ReplyPhrases FillNames(ReplyPhrases phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var builtIn = All.FirstOrDefault(d => string.Equals(d.Language, phrases.Language, StringComparison.OrdinalIgnoreCase));
        return builtIn is null ? phrases : phrases with
        {
            Weekdays = phrases.Weekdays.Count > 0 ? phrases.Weekdays : builtIn.Weekdays,
            Months = phrases.Months.Count > 0 ? phrases.Months : builtIn.Months,
        };
    }
}
