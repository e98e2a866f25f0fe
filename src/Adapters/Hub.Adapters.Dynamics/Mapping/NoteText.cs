using System.Net;
using System.Text.RegularExpressions;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Mapping;

/// <summary>
/// Note text both ways. Dynamics renders note text as rich text, so the hub's plain text is HTML-escaped on the way in
/// (line breaks kept); notes people write in the rich text editor come back as plain text without tags.
/// </summary>
internal static partial class NoteText
{
    /// <summary>A note holds at most 100,000 characters.</summary>
    public const int Limit = 100_000;

    /// <summary>
    /// The text escaped, at most <see cref="Limit"/> characters: a longer text is cut before escaping (on whole
    /// characters, ending in "…"), so a cut never splits an emoji nor an escape such as <c>&amp;amp;</c>.
    /// </summary>
    public static string ToDynamics(string text)
    {
        var plain = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var escaped = WebUtility.HtmlEncode(plain);
        if (escaped.Length <= Limit)
        {
            return escaped;
        }

        // the longest cut of the plain text whose escaped form fits (escaping lengthens text unevenly: & is 5, an emoji 9)
        var (fits, tooLong) = (TextCut.Ellipsis.Length, Math.Min(plain.Length, Limit + 1));
        while (tooLong - fits > 1)
        {
            var room = fits + ((tooLong - fits) / 2);
            (fits, tooLong) = WebUtility.HtmlEncode(TextCut.Shorten(plain, room)).Length <= Limit ? (room, tooLong) : (fits, room);
        }

        return WebUtility.HtmlEncode(TextCut.Shorten(plain, fits));
    }

    public static string FromDynamics(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var plain = LineBreak().Replace(text, "\n");
        plain = Tag().Replace(plain, string.Empty);
        return WebUtility.HtmlDecode(plain).Trim();
    }

    [GeneratedRegex(@"<\s*br\s*/?\s*>|</\s*(p|div|li)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
