using System.Globalization;
using System.Text;

namespace Hub.Abstractions.Model;

/// <summary>
/// The one way the hub cuts text to a length: on whole characters as a reader sees them (text elements: an emoji
/// with its skin tone or ZWJ sequence, a flag, a letter with its combining marks), so a cut never leaves half an
/// emoji behind. A lone surrogate is what PostgreSQL refuses and what other systems show as garbage. Lengths are
/// counted in UTF-16 code units, as the limits of TOPdesk, Dataverse and the hub's own texts are.
/// </summary>
public static class TextCut
{
    /// <summary>What ends a text that was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// The text when it fits in <paramref name="limit"/> characters; otherwise its start on whole characters, followed
    /// by "…", at most <paramref name="limit"/> characters in all.
    /// </summary>
    public static string Shorten(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, Ellipsis.Length);
        if (text.Length <= limit)
        {
            return text;
        }

        var start = text.AsSpan(0, FitLength(text, limit - Ellipsis.Length)).TrimEnd();
        return string.Concat(start, Ellipsis);
    }

    /// <summary>The text when it fits in <paramref name="limit"/> characters; otherwise its start on whole characters, with no mark.</summary>
    public static string Head(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return text.Length <= limit ? text : text[..FitLength(text, limit)];
    }

    /// <summary>
    /// The length of the longest start of <paramref name="text"/> that ends on a whole character and is at most
    /// <paramref name="limit"/> long. When the very first character is longer than that (a letter carrying hundreds
    /// of combining marks), its whole code points that fit, so there is always something and never half a surrogate pair.
    /// </summary>
    public static int FitLength(ReadOnlySpan<char> text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (text.Length <= limit)
        {
            return text.Length;
        }

        var end = 0;
        while (end < text.Length)
        {
            var element = StringInfo.GetNextTextElementLength(text[end..]);
            if (end + element > limit)
            {
                break;
            }

            end += element;
        }

        if (end > 0)
        {
            return end;
        }

        while (end < text.Length)
        {
            Rune.DecodeFromUtf16(text[end..], out _, out var used);
            if (end + used > limit)
            {
                break;
            }

            end += used;
        }

        return end;
    }
}
