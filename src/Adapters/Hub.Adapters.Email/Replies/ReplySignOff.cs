using System.Text.RegularExpressions;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// The polite frame of a contractor's mail, which is not news for anyone up the chain: a sign-off line that starts the
/// signature ("Met vriendelijke groet,", "Kind regards", "Groeten 🙂", "مع تحياتي"), alone or followed by a short name on
/// the same line, and a greeting line that opens the answer ("Beste Hub,", "Hello team!"). Direction marks and other
/// invisible format characters around them do not hide them.
/// </summary>
internal static partial class ReplySignOff
{
    public static bool StartsSignature(string line) => SignOff().IsMatch(Visible(line));

    public static bool IsGreeting(string line) => Greeting().IsMatch(Visible(line));

    /// <summary>
    /// "Best," alone on its line (punctuation or emoji after it, the name on the next line): a sign-off only below the
    /// contractor's own words, since "Best" can also open a sentence or, in Dutch, greet ("Beste,").
    /// </summary>
    public static bool IsBareSignOff(string line) => BareSignOff().IsMatch(Visible(line));

    private static string Visible(string line) => FormatCharacters().Replace(line, string.Empty).Trim();

    // The sign-off, then only punctuation, symbols or emoji, or a comma and a short name.
    [GeneratedRegex(
        @"^(?:(?:met\s+)?(?:vriendelijke|hartelijke|beste|collegiale)\s+groet(?:en)?|met\s+groet(?:en)?|groet(?:en|jes)?|mvg|gr|"
        + @"(?:kind|best|warm)\s+regards|regards|best\s+wishes|yours\s+(?:sincerely|faithfully|truly)|sincerely|cheers|"
        + @"مع\s+تحياتي|בברכה)(?:[^\p{L}\p{N}]*|\s*,\s*[\p{L}\p{M} .'-]{1,60})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignOff();

    // A greeting word, an optional short name, and a comma or exclamation mark (or nothing) to end the line.
    [GeneratedRegex(
        @"^(?:beste|geachte|hallo|hoi|hey|goedemorgen|goedemiddag|goedenavond|dag|dear|hello|hi|good\s+(?:morning|afternoon|evening)|مرحبا|שלום)"
        + @"(?:\s+[\p{L}\p{M}.'-]+){0,4}\s*[,!]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^best[^\p{L}\p{N}]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareSignOff();

    [GeneratedRegex(@"\p{Cf}")]
    private static partial Regex FormatCharacters();
}
