using System.Text.RegularExpressions;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// A normalized reply cut into clauses (at punctuation and line ends) of whole words, so a phrase matches
/// only whole words inside one clause and a negation ("niet", "not") counts only in the clause it stands in.
/// </summary>
internal sealed partial class ReplyClauses
{
    /// <summary>How many words before a phrase a negation may stand: "nog niet helemaal klaar".</summary>
    private const int NegationReach = 3;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "niet", "geen", "nooit", "nee",
        "not", "no", "never", "cannot", "can't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
        "hadn't", "won't", "don't", "doesn't", "didn't", "couldn't",
    };

    private readonly List<string[]> clauses;

    private ReplyClauses(List<string[]> clauses) => this.clauses = clauses;

    public static ReplyClauses Of(string normalizedText)
    {
        var clauses = ClauseBreak().Split(normalizedText)
            .Select(clause => Word().Matches(clause).Select(m => m.Value).ToArray())
            .Where(words => words.Length > 0)
            .ToList();
        return new ReplyClauses(clauses);
    }

    public static string[] WordsOf(string normalizedPhrase) =>
        Word().Matches(normalizedPhrase).Select(m => m.Value).ToArray();

    /// <summary>True when one of the phrases stands in the reply and no negation stands just before it.</summary>
    public bool ContainsAffirmed(IEnumerable<string[]> phrases) =>
        phrases.Any(phrase => phrase.Length > 0 && clauses.Any(words => HasAffirmed(words, phrase)));

    private static bool HasAffirmed(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            if (words.AsSpan(start, phrase.Length).SequenceEqual(phrase) && !IsNegated(words, start))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegated(string[] words, int phraseStart)
    {
        for (var i = Math.Max(0, phraseStart - NegationReach); i < phraseStart; i++)
        {
            if (Negations.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[.!?;:,\r\n]+")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)*")]
    private static partial Regex Word();
}
