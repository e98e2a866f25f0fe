using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// Keeps only what the contractor wrote: stops at the first quote header (Outlook's "-----Original Message-----",
/// "Van:/From:" header block or separator line, Gmail's "Op ... schreef ...:"/"On ... wrote:"), at a forwarded
/// message, at the "-- " signature delimiter, a "Sent from my iPhone" line or a sign-off that starts the signature
/// ("Met vriendelijke groet", "Kind regards", …, <see cref="ReplySignOff"/>); drops a greeting line that opens the
/// answer ("Beste Hub,", "Hello,") and "&gt;" quoted lines; and caps the rest at <see cref="MaxLength"/> characters
/// with <see cref="TruncationMarker"/>.
/// </summary>
internal static partial class ContractorOwnWords
{
    public const int MaxLength = 4_000;
    public const string TruncationMarker = "[…]";

    /// <summary>How many lines below a "From:" line the rest of an Outlook header block may start.</summary>
    private const int HeaderBlockReach = 4;

    public static string Of(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new StringBuilder();
        var wroteAnything = false;
        for (var i = 0; i < lines.Length; i++)
        {
            // Answering below the quote: an attribution before any own words heads "> " lines, not the answer's end.
            if (!wroteAnything && AttributionLines(lines, i) is > 0 and var attribution)
            {
                i += attribution - 1;
                continue;
            }

            if (EndsOwnWords(lines, i) || (wroteAnything && ReplySignOff.IsBareSignOff(lines[i])))
            {
                break;
            }

            if (!wroteAnything && ReplySignOff.IsGreeting(lines[i]) && MoreWordsAfter(lines, i))
            {
                continue;
            }

            var line = lines[i].TrimEnd();
            if (!line.TrimStart().StartsWith('>'))
            {
                kept.Append(line).Append('\n');
                wroteAnything |= line.Length > 0;
            }
        }

        var text = ExtraBlankLines().Replace(kept.ToString(), "\n\n").Trim();
        return Cap(text);
    }

    private static bool EndsOwnWords(string[] lines, int i)
    {
        var raw = lines[i];
        if (raw is "-- " or "--")
        {
            return true;
        }

        var line = raw.Trim();
        return OriginalMessage().IsMatch(line)
            || Forwarded().IsMatch(line)
            || SeparatorLine().IsMatch(line)
            || SentFromDevice().IsMatch(line)
            || ReplySignOff.StartsSignature(line)
            || AttributionLines(lines, i) > 0
            || IsHeaderBlock(lines, i);
    }

    /// <summary>
    /// Gmail, Apple Mail, Thunderbird: "Op di 24 nov. 2026 om 09:12 schreef Hub &lt;hub@...&gt;:", on one line (1),
    /// wrapped over two (2), or none (0).
    /// </summary>
    private static int AttributionLines(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (!AttributionStart().IsMatch(line))
        {
            return 0;
        }

        if (Attribution().IsMatch(line) && HasAddressOrDate(line))
        {
            return 1;
        }

        var next = i + 1 < lines.Length ? lines[i + 1].Trim() : null;
        return next is not null && Attribution().IsMatch(line + " " + next) && (line + next).Contains('@', StringComparison.Ordinal) ? 2 : 0;
    }

    /// <summary>Whether own words follow the line before the signature or the quote: a lone "Hallo," is the answer itself.</summary>
    private static bool MoreWordsAfter(string[] lines, int i)
    {
        for (var next = i + 1; next < lines.Length && !EndsOwnWords(lines, next); next++)
        {
            var line = lines[next].Trim();
            if (line.Length > 0 && !line.StartsWith('>'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAddressOrDate(string line) => line.Contains('@', StringComparison.Ordinal) || line.Any(char.IsAsciiDigit);

    /// <summary>Outlook: "Van: ..." followed closely by "Verzonden:", "Aan:", "Onderwerp:" (or their English names).</summary>
    private static bool IsHeaderBlock(string[] lines, int i)
    {
        if (!FromHeader().IsMatch(lines[i].Trim()))
        {
            return false;
        }

        for (var next = i + 1; next < lines.Length && next <= i + HeaderBlockReach; next++)
        {
            if (OtherHeader().IsMatch(lines[next].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    private static string Cap(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = Hub.Abstractions.Model.TextCut.FitLength(text, MaxLength);
        return text[..cut].TrimEnd() + "\n" + TruncationMarker;
    }

    [GeneratedRegex(@"^-{2,}\s*(original message|oorspronkelijk bericht|origineel bericht)\s*-{2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(-{2,}\s*(forwarded message|doorgestuurd bericht)\s*-*|(begin forwarded message|begin doorgestuurd bericht)\s*:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Forwarded();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex SeparatorLine();

    [GeneratedRegex(@"^(sent from|sent with|verzonden (vanaf|vanuit|met|via)|verstuurd (vanaf|vanuit|met|via)|get outlook for|download outlook for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentFromDevice();

    [GeneratedRegex(@"^(op|on)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"\b(schreef|wrote|geschreven)\b[^:]{0,120}:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\*?(van|from)\s*:\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromHeader();

    [GeneratedRegex(@"^\*?(verzonden|sent|date|datum|aan|to|onderwerp|subject|cc)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherHeader();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
